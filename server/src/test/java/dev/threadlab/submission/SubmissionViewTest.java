package dev.threadlab.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.threadlab.exercise.Exercise;
import dev.threadlab.exercise.ExerciseRepository;
import dev.threadlab.grading.CheckResult;
import dev.threadlab.lesson.Language;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A stored result shows its checks' names in the reader's language, found by the checks' ids. */
@QuarkusTest
class SubmissionViewTest {
    @Inject
    ExerciseRepository exercises;

    @Test
    void checkNamesAreTranslatedByIdWhateverTheOrder() {
        Exercise lostUpdate = exercises.require("lost-update");
        Submission graded = new Submission("s", lostUpdate.id(), "learner", Instant.now(), SubmissionStatus.GRADED,
                Map.of(), 3, lostUpdate.maxScore(), List.of(
                        new CheckResult("balance-printed", "The program prints the right balance (5 runs)", true, 2, 2,
                                null, null, null),
                        new CheckResult("oneThreadKeepsEveryDeposit", "One thread keeps every deposit", true, 1, 1, null,
                                null, null),
                        new CheckResult("a-check-since-removed", "Gone", false, 0, 1, null, null, null)),
                null, Instant.now());
        List<String> names = SubmissionView.of(graded, false, lostUpdate, Language.ZH_CN).checks().stream()
                .map(CheckResult::name).toList();
        assertEquals(List.of("程序打印正确的余额（5 次运行）", "单个线程不丢失任何存款", "Gone"), names,
                "a check the exercise no longer has keeps the name it was graded under");
    }

    /** The hidden tests' words come through the exercise's feedback translations; JUnit's frame through the bundle. */
    @Test
    void aFailedTestsWordsAreTranslatedForAChineseReader() {
        Exercise lostUpdate = exercises.require("lost-update");
        String english = lostUpdate.testFiles().values().stream().flatMap(String::lines)
                .map(line -> java.util.regex.Pattern.compile("\"([^\"]{8,})\"").matcher(line))
                .filter(java.util.regex.Matcher::find).map(found -> found.group(1))
                .filter(text -> lostUpdate.text(Language.ZH_CN).feedback().containsKey(text)).findFirst()
                .orElseThrow(() -> new AssertionError("lost-update translates none of its tests' messages"));
        Map<String, Object> args = new java.util.LinkedHashMap<>();
        args.put("run", 2);
        args.put("runs", 10);
        args.put("problem", Map.of("messageKey", "grading.testFailedComparing", "args", Map.of("detail", english,
                "comparison", Map.of("messageKey", "grading.expectedButWas", "args",
                        Map.of("expected", "400000", "actual", "371234")))));
        Submission graded = new Submission("s", lostUpdate.id(), "learner", Instant.now(), SubmissionStatus.GRADED,
                Map.of(), 0, lostUpdate.maxScore(), List.of(new CheckResult("fourThreadsKeepEveryDeposit", "Four",
                        false, 0, 4, "Run 2 of 10: …", "grading.inRun", args)), null, Instant.now());
        CheckResult shown = SubmissionView.of(graded, false, lostUpdate, Language.ZH_CN).checks().get(0);
        String detail = ((Map<?, ?>) ((Map<?, ?>) shown.args().get("problem")).get("args")).get("detail").toString();
        assertEquals(lostUpdate.text(Language.ZH_CN).feedback().get(english), detail);
        CheckResult inEnglish = SubmissionView.of(graded, false, lostUpdate, Language.EN).checks().get(0);
        assertEquals(args, inEnglish.args());
    }
}
