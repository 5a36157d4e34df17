package dev.threadlab.protocol;

/** A frame stream that breaks the protocol: unknown kind, too large, too many, or in the wrong phase. */
public final class ProtocolViolation extends Exception {
    public ProtocolViolation(String message) {
        super(message);
    }
}
