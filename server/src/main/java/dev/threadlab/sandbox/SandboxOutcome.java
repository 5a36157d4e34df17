package dev.threadlab.sandbox;

import dev.threadlab.message.Message;

/** How a sandboxed program ended. {@code exitCode} is set for {@link Kind#EXITED}; {@code message} says why it was stopped. */
public record SandboxOutcome(Kind kind, Integer exitCode, Message message) {

    public enum Kind { EXITED, COMPILE_ERROR, TIMED_OUT, MEMORY_LIMIT, OUTPUT_LIMIT, DEADLOCK, CANCELLED, ERROR }

    public static SandboxOutcome of(Kind kind, Message message) {
        return new SandboxOutcome(kind, null, message);
    }

    static SandboxOutcome exited(int exitCode) {
        return new SandboxOutcome(Kind.EXITED, exitCode, null);
    }
}
