package dev.threadlab.sandbox;

/** The phases a run's latency is split into, from the moment it was submitted to its final status. */
public enum RunPhase {
    /** Submitted until a run slot took it. */
    QUEUED,
    /** Slot taken until the launcher reported that it compiles: a container claimed or started, the sources sent. */
    START,
    /** Compiling until the program started (or the compilation failed). */
    COMPILE,
    /** The program's start until its container's output ended. */
    RUN,
    /** Output ended until the outcome was known (exit code, out-of-memory). */
    REPORT;

    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
