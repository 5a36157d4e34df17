package dev.threadlab.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The server's sentences exist in every language, with the same placeholders, and are filled in as the page does. */
class MessageBundleTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final Pattern KEY_IN_CODE = Pattern.compile("\"((?:account|classroom|deadline|grading|outcome"
            + "|output|request|run|socket|tooMany|trace)\\.[A-Za-z.]+)\"");
    private final MessageBundle chinese = MessageBundle.of(Locale.forLanguageTag("zh-CN"));

    @Test
    void chineseSaysEveryEnglishSentenceWithTheSamePlaceholders() {
        Map<String, String> english = MessageBundle.ENGLISH.texts();
        Map<String, String> translated = chinese.texts();
        assertEquals(english.keySet(), translated.keySet());
        for (String key : english.keySet()) {
            assertEquals(placeholders(english.get(key)), placeholders(translated.get(key)), key);
            if (!english.get(key).matches("\\{\\w+}")) {
                assertTrue(!translated.get(key).equals(english.get(key)), key + " is not translated");
            }
        }
    }

    /** A key the code sends but no bundle has would reach the learner as the key itself. */
    @Test
    void everyKeyTheServerSendsHasATextInEnglish() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("server/src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher found = KEY_IN_CODE.matcher(Files.readString(source));
                while (found.find()) {
                    keys.add(found.group(1));
                }
            }
        }
        assertTrue(keys.size() > 40, keys.toString());
        Map<String, String> english = MessageBundle.ENGLISH.texts();
        for (String key : keys) {
            // Facts of the trace get ".atLeast" or ".atMost" appended; admission keys are "tooMany." + the work.
            boolean known = english.containsKey(key) || english.containsKey(key + ".atLeast")
                    || english.containsKey(key + ".atMost") || key.equals("tooMany.");
            assertTrue(known, key + " has no text in messages/server.properties");
        }
        for (String work : List.of("runs", "submissions")) {
            assertTrue(english.containsKey("tooMany." + work + ".learner") && english.containsKey("tooMany." + work
                    + ".address"), work);
        }
    }

    @Test
    void argumentsMayBeMessagesOrListsOfThem() {
        Message problems = Message.of("grading.onTheTrace", "problems", List.of(
                Message.of("trace.runningAtOnce.atLeast", "actual", 1, "bound", 4),
                Message.of("trace.wallTimeMs.atMost", "actual", 900, "bound", 500)));
        Message inRun = Message.of("grading.inRun", "run", 2, "runs", 5, "problem", problems);
        assertEquals("Run 2 of 5: On the trace: 1 threads running at the same time; at least 4 expected; "
                + "900 ms was the run's wall time; at most 500 expected.", inRun.english());
        assertEquals("第 2 次运行（共 5 次）：调度轨迹显示：同时运行的线程有 1 个；应至少 4 个；"
                + "运行的实际耗时为 900 毫秒；应至多 500 毫秒。", chinese.format(inRun));
    }

    /** A learner's output is an argument: braces in it stay as they are, and are not filled in again. */
    @Test
    void anArgumentIsNeverReadAsATemplate() {
        Message message = Message.of("output.extraLine", "stream", "stdout", "line", 3, "got", "\"{stream} {line}\"");
        assertEquals("stdout line 3: expected no more output, got \"{stream} {line}\"", message.english());
    }

    @Test
    void anUnknownKeyIsShownAsItselfAndAMissingArgumentAsItsPlaceholder() {
        assertEquals("no.such.key", Message.of("no.such.key").english());
        assertEquals("The program ran longer than the {limit} limit and was stopped.",
                Message.of("outcome.timedOut").english());
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher found = PLACEHOLDER.matcher(text);
        while (found.find()) {
            names.add(found.group(1));
        }
        return names;
    }
}
