package dev.threadlab.run;

/** A client already has as many runs (or submissions) waiting or running as it may; answered with 429. */
public class TooManyRunsException extends RuntimeException {
    public TooManyRunsException(String message) {
        super(message);
    }
}
