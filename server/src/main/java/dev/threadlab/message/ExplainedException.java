package dev.threadlab.message;

/** A refusal whose reason a person reads: {@link #getMessage()} in English, {@link #explanation()} for any language. */
public abstract class ExplainedException extends RuntimeException {
    private final transient Message explanation;

    protected ExplainedException(Message explanation) {
        super(explanation.english());
        this.explanation = explanation;
    }

    public Message explanation() {
        return explanation;
    }
}
