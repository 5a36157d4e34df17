package dev.threadlab.tracer;

/**
 * The Java agent that JVMs started by the program load (see the launcher's TraceOptions): starts the tracer.
 * The program's own JVM does not load it: a Java agent costs every JVM 40 ms of start-up, so that JVM starts
 * through {@link ThreadlabMain} instead.
 */
public final class ThreadlabAgent {
    private ThreadlabAgent() {
    }

    public static void premain(String args) {
        TracerThread.start();
    }
}
