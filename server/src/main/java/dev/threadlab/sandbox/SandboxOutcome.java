package dev.threadlab.sandbox;

/** How a sandboxed program ended. {@code exitCode} is set for {@link Kind#EXITED}. */
public record SandboxOutcome(Kind kind, Integer exitCode, String message) {

    public enum Kind { EXITED, COMPILE_ERROR, TIMED_OUT, MEMORY_LIMIT, OUTPUT_LIMIT, DEADLOCK, CANCELLED, ERROR }

    static SandboxOutcome of(Kind kind, String message) {
        return new SandboxOutcome(kind, null, message);
    }

    static SandboxOutcome exited(int exitCode) {
        return new SandboxOutcome(Kind.EXITED, exitCode, null);
    }
}
