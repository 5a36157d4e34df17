package dev.threadlab.run;

/** Someone other than the learner who started a run tried to cancel it or type into it; answered with 403. */
public class NotYourRunException extends RuntimeException {
    public NotYourRunException(String message) {
        super(message);
    }
}
