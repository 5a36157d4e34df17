package dev.threadlab.run;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.OptionalInt;

/** Limits on what a run request may carry and how many runs execute at once. */
@ConfigMapping(prefix = "threadlab.runs")
public interface RunConfig {

    /** Runs executing at the same time; the rest wait in FIFO order. Empty means the number of CPUs. */
    OptionalInt maxConcurrent();

    /** Total size of all source files of one run. */
    @WithDefault("256K")
    MemorySize maxSourceSize();

    @WithDefault("64")
    int maxFiles();

    /** Stdin of one run, in the request and over the WebSocket together. */
    @WithDefault("1M")
    MemorySize maxStdinSize();

    PerClient perClient();

    /** Finished runs kept for GET /api/runs/{id}; the oldest are forgotten first. */
    @WithDefault("500")
    int retainedRuns();

    Sockets sockets();

    /** Limits of the run WebSocket, so that watchers cannot pin the server's memory. */
    interface Sockets {
        /** Sockets watching one run; beyond it a socket is refused with close code 4029. */
        @WithDefault("20")
        int maxPerRun();

        /** Sockets open from one network address, over all runs. */
        @WithDefault("50")
        int maxPerAddress();

        /** Events queued for a socket but not yet written to it; past it the client is too slow and is aborted. */
        @WithDefault("4M")
        MemorySize maxUnsent();
    }

    /** What one client may ask for at once; beyond it, POST /api/runs answers 429. */
    interface PerClient {
        /** Runs one learner (cookie, else address) may have waiting or running. */
        @WithDefault("10")
        int maxActive();

        /** Runs one network address may have waiting or running, whatever cookies its requests carry. */
        @WithDefault("40")
        int maxActivePerAddress();
    }
}
