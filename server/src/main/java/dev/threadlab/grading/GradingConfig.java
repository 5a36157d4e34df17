package dev.threadlab.grading;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "threadlab.grading")
public interface GradingConfig {

    /**
     * Submissions graded at the same time; each one runs its checks one sandbox after another, in the grading lane
     * of the run slots (so this bounds grading threads, not containers).
     */
    @WithDefault("1")
    int concurrency();

    /** How long a submission waits for the sandbox to become ready before it is marked ERROR. */
    @WithDefault("10m")
    Duration sandboxWait();

    PerClient perClient();

    /**
     * A JDK home (21 or newer) for compiling hidden tests when the server runs on an older JDK; unset, the newest
     * JDK installed beside the server's own is used, if any.
     */
    Optional<String> testCompilerJdk();

    /** What one client may have waiting or being graded; beyond it, POST .../submissions answers 429. */
    interface PerClient {
        /** Submissions one learner (cookie) may have waiting or being graded. */
        @WithDefault("3")
        int maxActive();

        /** Submissions one network address may have waiting or being graded, whatever cookies its requests carry. */
        @WithDefault("20")
        int maxActivePerAddress();
    }
}
