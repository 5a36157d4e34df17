package dev.threadlab.sandbox;

import java.util.concurrent.ThreadFactory;

/** Threads of the sandbox's own executors: named for thread dumps, and daemons so that they never hold the JVM up. */
final class DaemonThreads {
    private DaemonThreads() {
    }

    static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
