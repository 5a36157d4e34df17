package dev.threadlab.grading;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "threadlab.grading")
public interface GradingConfig {

    /** Submissions graded at the same time; each one runs its checks one sandbox after another. */
    @WithDefault("1")
    int concurrency();

    /** How long a submission waits for the sandbox to become ready before it is marked ERROR. */
    @WithDefault("10m")
    Duration sandboxWait();
}
