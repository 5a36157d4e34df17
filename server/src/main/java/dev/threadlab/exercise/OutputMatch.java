package dev.threadlab.exercise;

import dev.threadlab.message.Message;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a program's output must look: {@code exact}; {@code normalized} (each line trimmed, runs of spaces as one,
 * blank lines ignored); {@code regex} (found anywhere; anchor with ^ and $, which match at line ends); or
 * {@code lines-any-order} (the same lines, in any order, as threads interleave).
 */
public record OutputMatch(Mode mode, String expected, Pattern pattern) {

    public enum Mode { EXACT, NORMALIZED, REGEX, LINES_ANY_ORDER }

    private static final int QUOTE_LIMIT = 120;

    public static OutputMatch of(Mode mode, String expected) {
        Pattern pattern = mode == Mode.REGEX ? Pattern.compile(expected, Pattern.MULTILINE) : null;
        return new OutputMatch(mode, expected, pattern);
    }

    /** Why the output does not match, or empty when it does. {@code stream} names it in the message. */
    public Optional<Message> mismatch(String stream, String actual) {
        return switch (mode) {
            case EXACT -> firstDifference(stream, lines(expected), lines(actual));
            case NORMALIZED -> firstDifference(stream, normalized(expected), normalized(actual));
            case REGEX -> pattern.matcher(actual).find() ? Optional.empty()
                    : Optional.of(Message.of("output.noMatch", "stream", stream, "pattern", quote(expected)));
            case LINES_ANY_ORDER -> sameLinesInAnyOrder(stream, normalized(expected), normalized(actual));
        };
    }

    private static Optional<Message> firstDifference(String stream, List<String> expected, List<String> actual) {
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            String want = i < expected.size() ? expected.get(i) : null;
            String got = i < actual.size() ? actual.get(i) : null;
            if (want == null) {
                return Optional.of(Message.of("output.extraLine", "stream", stream, "line", i + 1, "got", quote(got)));
            }
            if (got == null) {
                return Optional.of(Message.of("output.missingLine", "stream", stream, "line", i + 1, "want",
                        quote(want)));
            }
            if (!want.equals(got)) {
                return Optional.of(Message.of("output.differentLine", "stream", stream, "line", i + 1, "want",
                        quote(want), "got", quote(got)));
            }
        }
        return Optional.empty();
    }

    private static Optional<Message> sameLinesInAnyOrder(String stream, List<String> expected, List<String> actual) {
        Map<String, Integer> missing = new HashMap<>();
        expected.forEach(line -> missing.merge(line, 1, Integer::sum));
        List<String> unexpected = new ArrayList<>();
        for (String line : actual) {
            if (missing.merge(line, -1, Integer::sum) < 0) {
                unexpected.add(line);
            }
        }
        List<String> absent = missing.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey)
                .sorted().toList();
        if (absent.isEmpty() && unexpected.isEmpty()) {
            return Optional.empty();
        }
        List<Message> parts = new ArrayList<>();
        if (!absent.isEmpty()) {
            parts.add(Message.of(absent.size() > 1 ? "output.missingLines" : "output.missingOneLine",
                    "line", quote(absent.get(0)), "more", absent.size() - 1));
        }
        if (!unexpected.isEmpty()) {
            parts.add(Message.of(unexpected.size() > 1 ? "output.unexpectedLines" : "output.unexpectedOneLine",
                    "line", quote(unexpected.get(0)), "more", unexpected.size() - 1));
        }
        return Optional.of(Message.of("output.linesAnyOrder", "stream", stream, "problems", parts));
    }

    private static List<String> lines(String text) {
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return body.isEmpty() ? List.of() : Arrays.asList(body.replace("\r\n", "\n").split("\n", -1));
    }

    private static List<String> normalized(String text) {
        return lines(text).stream().map(line -> line.strip().replaceAll("\\s+", " ")).filter(line -> !line.isEmpty())
                .toList();
    }

    private static String quote(String text) {
        String shown = text.length() > QUOTE_LIMIT ? text.substring(0, QUOTE_LIMIT) + "…" : text;
        return "\"" + shown + "\"";
    }
}
