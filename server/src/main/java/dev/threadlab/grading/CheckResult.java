package dev.threadlab.grading;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.threadlab.exercise.Check;
import dev.threadlab.message.Message;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * How one check went: what the learner sees in the result panel and the API. {@code message} is the explanation in
 * English, {@code messageKey} and {@code args} the same for the page to say in its reader's language. Both can quote
 * the learner's program (an assertion's text, its stderr), so each text is cut to
 * {@link MessageLimit#CHECK_MESSAGE_BYTES}. {@code checkId} is the check's id in its exercise (null in results stored
 * before checks had ids), by which its name is shown in the reader's language. {@code interleaving}: for a failed
 * schedule check, the last steps of the schedule that broke it (at most
 * {@link dev.threadlab.protocol.RunnerReport.ScheduleStep#MAX_STEPS}); null otherwise.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckResult(String checkId, String name, boolean passed, int points, int maxPoints, String message,
        String messageKey, Map<String, Object> args, List<InterleavingStep> interleaving) {

    public CheckResult {
        message = MessageLimit.cut(message, MessageLimit.CHECK_MESSAGE_BYTES);
        args = args == null ? null : cutTexts(args);
        interleaving = interleaving == null || interleaving.isEmpty() ? null : List.copyOf(interleaving);
    }

    public CheckResult(String checkId, String name, boolean passed, int points, int maxPoints, String message,
            String messageKey, Map<String, Object> args) {
        this(checkId, name, passed, points, maxPoints, message, messageKey, args, null);
    }

    public CheckResult withoutInterleaving() {
        return interleaving == null ? this : withInterleaving(null);
    }

    /** The same result with the steps of the schedule that broke it. */
    CheckResult withInterleaving(List<InterleavingStep> steps) {
        return new CheckResult(checkId, name, passed, points, maxPoints, message, messageKey, args, steps);
    }

    static CheckResult pass(Check check, Message why) {
        return of(check, true, check.points(), why);
    }

    static CheckResult fail(Check check, Message why) {
        return of(check, false, 0, why);
    }

    private static CheckResult of(Check check, boolean passed, int points, Message why) {
        return new CheckResult(check.id(), check.name(), passed, points, check.points(),
                why == null ? null : why.english(), why == null ? null : why.key(), why == null ? null : why.args());
    }

    /** The same result under another name (the check's name in the learner's language). */
    public CheckResult named(String shownName) {
        return new CheckResult(checkId, shownName, passed, points, maxPoints, message, messageKey, args, interleaving);
    }

    /** The same result with its English message cut shorter, and without its message key when it lost its arguments. */
    CheckResult withMessage(String cut, boolean keepArgs) {
        return new CheckResult(checkId, name, passed, points, maxPoints, cut, keepArgs ? messageKey : null,
                keepArgs ? args : null, interleaving);
    }

    /**
     * The same result with the hidden tests' own words ({@code detail} arguments, an assertion's message) passed
     * through {@code translate}, for a reader of another language.
     */
    public CheckResult withDetails(UnaryOperator<String> translate) {
        return args == null ? this : new CheckResult(checkId, name, passed, points, maxPoints, message, messageKey,
                mapTexts(args, (argument, text) -> "detail".equals(argument) ? translate.apply(text) : text),
                interleaving);
    }

    private static Map<String, Object> cutTexts(Map<String, Object> args) {
        return mapTexts(args, (argument, text) -> MessageLimit.cut(text, MessageLimit.CHECK_MESSAGE_BYTES));
    }

    /**
     * The arguments with every text in them, nested messages and lists included, passed through {@code map} with the
     * name of the argument it belongs to.
     */
    private static Map<String, Object> mapTexts(Map<String, Object> args, BinaryOperator<String> map) {
        Map<String, Object> mapped = new LinkedHashMap<>();
        args.forEach((argument, value) -> mapped.put(argument, mapText(argument, value, map)));
        return mapped;
    }

    @SuppressWarnings("unchecked")
    private static Object mapText(String argument, Object value, BinaryOperator<String> map) {
        if (value instanceof String text) {
            return map.apply(argument, text);
        }
        if (value instanceof Message nested) {
            return new Message(nested.key(), mapTexts(nested.args(), map));
        }
        if (value instanceof Map<?, ?> stored && stored.get("args") instanceof Map<?, ?> nestedArgs) {
            // A nested message as the database gives it back: {messageKey, args}.
            Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) stored);
            copy.put("args", mapTexts((Map<String, Object>) nestedArgs, map));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(item -> mapText(argument, item, map)).toList();
        }
        return value;
    }
}
