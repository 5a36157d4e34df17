package dev.threadlab.run;

import dev.threadlab.message.ExplainedException;
import dev.threadlab.message.Message;

/** Someone other than the learner who started a run tried to cancel it or type into it; answered with 403. */
public class NotYourRunException extends ExplainedException {
    public NotYourRunException(Message explanation) {
        super(explanation);
    }
}
