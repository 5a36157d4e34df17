package dev.threadlab.trace;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "threadlab.trace")
public interface TraceConfig {

    /** Whether runs record a scheduling trace unless the request says otherwise. */
    @WithDefault("true")
    boolean enabledByDefault();

    /** How often the sandbox samples every thread's state (per second); 500 makes a 5 ms time slice visible. */
    @WithDefault("500")
    @io.smallrye.config.WithName("sample-hz")
    int sampleHz();

    /** Upper bound of one run's stored trace (its events as JSON lines). */
    @WithDefault("5M")
    MemorySize maxSize();

    /** Past 70% of the budget, a thread's state changes closer together than this are left out. */
    @WithDefault("100ms")
    Duration coarseInterval();

    /** An empty trace for one run, within this budget: every run, interactive or graded, keeps its trace in one. */
    default TraceLog newLog() {
        return new TraceLog(maxSize().asLongValue(), coarseInterval().toNanos() / 1000);
    }
}
