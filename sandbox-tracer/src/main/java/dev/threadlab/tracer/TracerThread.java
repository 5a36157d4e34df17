package dev.threadlab.tracer;

import java.nio.file.Path;

/**
 * Starts the {@link JavaThreadTracer} on its own daemon thread. A class of its own, so that the program's main thread
 * loads only this small class and the tracer's code is loaded and verified on the tracer's thread.
 */
final class TracerThread implements Runnable {
    /** The launcher recognises the tracer's own thread by this name and leaves it out of the trace. */
    static final String NAME = "threadlab-trace";

    private final String socket;

    private TracerThread(String socket) {
        this.socket = socket;
    }

    /** Starts tracing this JVM if the launcher asked for a trace; returns at once. */
    static void start() {
        String socket = System.getenv("THREADLAB_TRACE_SOCKET");
        if (socket == null || socket.isEmpty()) {
            return;
        }
        // A named class, not a lambda: the first lambda of a JVM costs milliseconds of bootstrap.
        Thread thread = new Thread(new TracerThread(socket), NAME);
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
        thread.start();
    }

    @Override
    public void run() {
        new JavaThreadTracer(Path.of(socket)).run();
    }
}
