package dev.threadlab.run;

/** A run request that cannot be accepted; the message tells the client what to fix. */
public class InvalidRunRequestException extends RuntimeException {
    public InvalidRunRequestException(String message) {
        super(message);
    }
}
