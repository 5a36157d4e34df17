package dev.threadlab.sandbox;

/** The Docker engine or the runner image is not there, so nothing can run now. */
public class SandboxUnavailableException extends RuntimeException {
    public SandboxUnavailableException(String message) {
        super(message);
    }
}
