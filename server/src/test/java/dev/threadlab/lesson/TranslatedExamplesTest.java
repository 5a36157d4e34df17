package dev.threadlab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TranslatedExamplesTest {
    private final LessonParser parser = new LessonParser();

    private static final String ENGLISH = """
            Text.

            ```java runnable
            public class Main {
                public static void main(String[] args) { System.out.println("hi"); } // greet
            }
            ```

            ```java runnable expect=DEADLOCK
            public class Main { public static void main(String[] args) { } }
            ```
            """;

    @Test
    void translatedCommentsAreFine() {
        String chinese = ENGLISH.replace("Text.", "正文。").replace("// greet", "// 打招呼");
        assertEquals(List.of(), differences(chinese));
    }

    @Test
    void changedCodeMissingExamplesAndOtherExpectationsAreNamed() {
        assertEquals(List.of("line 3 (runnable example 1, English line 3): the code differs from the English example "
                + "(only comments may be translated)"), differences(ENGLISH.replace("\"hi\"", "\"你好\"")));
        assertEquals(List.of("line 9 (runnable example 2, English line 9): main class or expected end differs from the "
                + "English example"), differences(ENGLISH.replace("expect=DEADLOCK", "exit=2")));
        assertEquals(List.of("line 9 (runnable example 2, English line 9): runs on JDK 21, the English example on 25"),
                differences(ENGLISH.replace("expect=DEADLOCK", "expect=DEADLOCK jdk=21")));
        List<String> missing = differences(ENGLISH.substring(0, ENGLISH.indexOf("```java runnable expect")));
        assertEquals(List.of("has 1 runnable examples, the English lesson has 2"), missing);
    }

    @Test
    void examplesSayHowTheyAreMeantToEnd() {
        List<LessonParser.RunnableExample> examples = parser.runnableExamples(ENGLISH.replace("```java runnable\n",
                "```java runnable exit=3\n"));
        assertEquals(new ExpectedEnd("FINISHED", 3), examples.get(0).expected());
        assertEquals(new ExpectedEnd("DEADLOCK", 0), examples.get(1).expected());
        InvalidLessonException wrong = assertThrows(InvalidLessonException.class,
                () -> parser.runnableExamples(ENGLISH.replace("expect=DEADLOCK", "expect=STUCK")));
        assertTrue(wrong.getMessage().startsWith("line 9: expect=STUCK is not a final status"), wrong.getMessage());
    }

    private List<String> differences(String translated) {
        return TranslatedExamples.differences(parser.runnableExamples(ENGLISH), parser.runnableExamples(translated));
    }
}
