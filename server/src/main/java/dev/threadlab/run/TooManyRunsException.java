package dev.threadlab.run;

import dev.threadlab.message.ExplainedException;
import dev.threadlab.message.Message;

/** A client already has as many runs (or submissions) waiting or running as it may; answered with 429. */
public class TooManyRunsException extends ExplainedException {
    public TooManyRunsException(Message explanation) {
        super(explanation);
    }
}
