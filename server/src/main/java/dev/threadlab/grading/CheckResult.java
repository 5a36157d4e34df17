package dev.threadlab.grading;

import dev.threadlab.exercise.Check;
import dev.threadlab.message.Message;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one check went: what the learner sees in the result panel and the API. {@code message} is the explanation in
 * English, {@code messageKey} and {@code args} the same for the page to say in its reader's language. Both can quote
 * the learner's program (an assertion's text, its stderr), so each text is cut to
 * {@link MessageLimit#CHECK_MESSAGE_BYTES}.
 */
public record CheckResult(String name, boolean passed, int points, int maxPoints, String message, String messageKey,
        Map<String, Object> args) {

    public CheckResult {
        message = MessageLimit.cut(message, MessageLimit.CHECK_MESSAGE_BYTES);
        args = args == null ? null : cutTexts(args);
    }

    static CheckResult pass(Check check, Message why) {
        return of(check.name(), true, check.points(), check.points(), why);
    }

    static CheckResult fail(Check check, Message why) {
        return of(check.name(), false, 0, check.points(), why);
    }

    static CheckResult of(String name, boolean passed, int points, int maxPoints, Message why) {
        return new CheckResult(name, passed, points, maxPoints, why == null ? null : why.english(),
                why == null ? null : why.key(), why == null ? null : why.args());
    }

    /** The same result under another name (the check's name in the learner's language). */
    public CheckResult named(String shownName) {
        return new CheckResult(shownName, passed, points, maxPoints, message, messageKey, args);
    }

    /** The same result with its English message cut shorter, and without its message key when it lost its arguments. */
    CheckResult withMessage(String cut, boolean keepArgs) {
        return new CheckResult(name, passed, points, maxPoints, cut, keepArgs ? messageKey : null,
                keepArgs ? args : null);
    }

    private static Map<String, Object> cutTexts(Map<String, Object> args) {
        Map<String, Object> cut = new LinkedHashMap<>();
        args.forEach((name, value) -> cut.put(name, cutText(value)));
        return cut;
    }

    private static Object cutText(Object value) {
        if (value instanceof String text) {
            return MessageLimit.cut(text, MessageLimit.CHECK_MESSAGE_BYTES);
        }
        if (value instanceof Message nested) {
            return new Message(nested.key(), cutTexts(nested.args()));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(CheckResult::cutText).toList();
        }
        return value;
    }
}
