package dev.threadlab.account;

import dev.threadlab.message.ExplainedException;
import dev.threadlab.message.Message;

/** A request about accounts that cannot be honoured, with what the person should do about it, in any language. */
public class AccountException extends ExplainedException {

    /** Each kind is answered with its HTTP status. */
    public enum Kind {
        INVALID(400), UNAUTHENTICATED(401), FORBIDDEN(403), NOT_FOUND(404), TAKEN(409), THROTTLED(429);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Kind kind;

    public AccountException(Kind kind, Message explanation) {
        super(explanation);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
