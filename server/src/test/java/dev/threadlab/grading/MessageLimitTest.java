package dev.threadlab.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageLimitTest {

    @Test
    void aLongMessageIsCutToItsByteLimitWithAnEllipsisAndNoBrokenCharacter() {
        assertEquals("short", MessageLimit.cut("short", 1024));
        String ascii = MessageLimit.cut("x".repeat(5000), 1024);
        assertEquals(1024, MessageLimit.bytes(ascii));
        assertTrue(ascii.endsWith("x…"), ascii);
        for (String character : List.of("é", "中", "😀")) {
            String cut = MessageLimit.cut(character.repeat(20_000), 1024);
            assertTrue(MessageLimit.bytes(cut) <= 1024 && MessageLimit.bytes(cut) > 1024 - 7, character + ": " + cut.length());
            assertEquals(cut.substring(0, cut.length() - 1), character.repeat((cut.length() - 1) / character.length()),
                    "only whole characters before the ellipsis");
        }
    }

    @Test
    void aCheckResultNeverCarriesMoreThanOneKilobyte() {
        CheckResult result = new CheckResult("check", "check", false, 0, 1, "中".repeat(15_000), "grading.inRun",
                java.util.Map.of("problem", new dev.threadlab.message.Message("grading.testFailed",
                        java.util.Map.of("detail", "中".repeat(15_000)))));
        assertTrue(MessageLimit.bytes(result.message()) <= 1024);
        dev.threadlab.message.Message problem = (dev.threadlab.message.Message) result.args().get("problem");
        assertTrue(MessageLimit.bytes((String) problem.args().get("detail")) <= 1024, "the learner's text in an argument");
    }

    @Test
    void aWholeResultStaysWithinSixtyFourKilobytes() {
        List<CheckResult> many = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            many.add(new CheckResult("check-" + i, "check " + i, false, 0, 1, "x".repeat(5000), "grading.testFailed",
                    java.util.Map.of("detail", "x".repeat(5000))));
        }
        List<CheckResult> fitted = MessageLimit.fit(many, null);
        assertEquals(200, fitted.size(), "every check is still listed");
        int total = fitted.stream().mapToInt(r -> MessageLimit.bytes(r.message())).sum();
        assertTrue(total <= 64 * 1024, "stored messages take " + total + " bytes");
        assertEquals(1024, MessageLimit.bytes(fitted.get(0).message()));
        int args = fitted.stream().filter(r -> r.args() != null).mapToInt(r -> MessageLimit.bytes(r.args().toString()))
                .sum();
        assertTrue(total + args <= 64 * 1024, "messages and arguments take " + (total + args) + " bytes");
        assertEquals(null, fitted.get(199).messageKey(), "past the budget a check keeps only its English message");
    }
}
