package dev.threadlab.grading;

import dev.threadlab.exercise.Check;

/**
 * How one check went: what the learner sees in the result panel and the API. The message can quote the learner's
 * program (an assertion's text, its stderr), so it is cut to {@link MessageLimit#CHECK_MESSAGE_BYTES}.
 */
public record CheckResult(String name, boolean passed, int points, int maxPoints, String message) {

    public CheckResult {
        message = MessageLimit.cut(message, MessageLimit.CHECK_MESSAGE_BYTES);
    }

    static CheckResult pass(Check check, String message) {
        return new CheckResult(check.name(), true, check.points(), check.points(), message);
    }

    static CheckResult fail(Check check, String message) {
        return new CheckResult(check.name(), false, 0, check.points(), message);
    }
}
