package dev.threadlab.sandbox;

/**
 * Runs one program in a fresh, isolated container. The container's whole life (create, send sources, start,
 * stream, stop, remove) stays behind this interface so a warm pool of pre-started containers can replace it.
 */
public interface Sandbox {

    /** Starts the program; the returned execution controls it and reports how it ended. */
    SandboxExecution start(SandboxProgram program, SandboxListener listener);
}
