package dev.threadlab.sandbox;

/** A program running in a sandbox. Thread-safe. */
public interface SandboxExecution {

    /** Bytes for the program's stdin; ignored once stdin is closed or the program ended. */
    void sendStdin(String text);

    void closeStdin();

    /** Stops the program; the outcome becomes CANCELLED unless it had already ended. */
    void cancel();

    /** Blocks until the program ended and its container is removed. */
    SandboxOutcome awaitOutcome() throws InterruptedException;
}
