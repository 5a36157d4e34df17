package dev.threadlab.run;

import dev.threadlab.message.ExplainedException;
import dev.threadlab.message.Message;

/** A run request that cannot be accepted; the message tells the client what to fix (400). */
public class InvalidRunRequestException extends ExplainedException {
    public InvalidRunRequestException(Message explanation) {
        super(explanation);
    }
}
