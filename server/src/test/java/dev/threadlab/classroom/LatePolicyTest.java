package dev.threadlab.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.threadlab.submission.Submission;
import dev.threadlab.submission.SubmissionStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The late policy's boundaries and the gradebook's rule, without a server. */
class LatePolicyTest {
    private static final Instant DUE = Instant.parse("2025-03-01T15:59:00Z");
    private static final Instant LATE_UNTIL = Instant.parse("2025-03-08T15:59:00Z");
    private static final LatePolicy POLICY = new LatePolicy(DUE, LATE_UNTIL, 50);

    @Test
    void exactlyAtTheDueDateCountsInFull() {
        assertEquals(100, POLICY.percentAt(DUE));
        assertEquals(100, POLICY.percentAt(DUE.minusSeconds(3600)));
    }

    @Test
    void justAfterTheDueDateCountsTheLatePercentage() {
        assertEquals(50, POLICY.percentAt(DUE.plusNanos(1000)));
    }

    @Test
    void exactlyAtTheEndOfTheLateWindowStillCountsLate() {
        assertEquals(50, POLICY.percentAt(LATE_UNTIL));
    }

    @Test
    void afterTheLateWindowNothingCounts() {
        assertEquals(0, POLICY.percentAt(LATE_UNTIL.plusNanos(1000)));
    }

    @Test
    void withoutALateWindowAnythingAfterTheDueDateCountsNothing() {
        LatePolicy strict = new LatePolicy(DUE, null, 80);
        assertEquals(100, strict.percentAt(DUE));
        assertEquals(0, strict.percentAt(DUE.plusSeconds(1)));
    }

    @Test
    void withoutADueDateEverythingCountsInFull() {
        assertEquals(100, LatePolicy.NONE.percentAt(Instant.MAX));
        assertEquals(Optional.of(new BigDecimal("7.00")),
                Gradebook.best(List.of(graded(DUE.plusSeconds(999_999), 7)), LatePolicy.NONE));
    }

    @Test
    void theBestAdjustedScoreCountsRoundedToTwoDecimals() {
        LatePolicy third = new LatePolicy(DUE, LATE_UNTIL, 33);
        List<Submission> attempts = List.of(
                graded(DUE.minusSeconds(60), 2),   // on time: 2.00
                graded(DUE.plusSeconds(60), 7),    // late: 7 × 33 % = 2.31
                graded(LATE_UNTIL.plusSeconds(1), 7)); // too late: 0
        assertEquals(Optional.of(new BigDecimal("2.31")), Gradebook.best(attempts, third));
        assertEquals(new BigDecimal("0.67"), Gradebook.adjusted(1, 67));
        assertEquals(new BigDecimal("0.00"), Gradebook.adjusted(7, 0));
    }

    @Test
    void onlyGradedSubmissionsCount() {
        Submission failed = new Submission("e", "x", "l", DUE, SubmissionStatus.ERROR, Map.of(), null, 7, List.of(),
                dev.threadlab.message.Message.of("submission.gradingFailed", "reason", "boom"), DUE);
        Submission queued = new Submission("q", "x", "l", DUE, SubmissionStatus.QUEUED, Map.of(), null, 7, List.of(),
                null, null);
        assertTrue(Gradebook.best(List.of(failed, queued), POLICY).isEmpty());
    }

    @Test
    void aLateWindowEndingBeforeTheDueDateIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LatePolicy(DUE, DUE.minusSeconds(1), 50));
        assertThrows(IllegalArgumentException.class, () -> new LatePolicy(DUE, LATE_UNTIL, 101));
    }

    @Test
    void theSheetCountsAttemptsPassesTotalsAndTheLatestSubmission() {
        ClassInfo group = new ClassInfo("c", "Group A", "ABCDEFGH", "teacher", DUE);
        List<Gradebook.Column> columns = List.of(new Gradebook.Column("x", "X", 7), new Gradebook.Column("y", "Y", 5));
        List<Gradebook.Learner> learners = List.of(new Gradebook.Learner("ada", "ada"),
                new Gradebook.Learner("bob", "bob"));
        Submission adaOnTime = graded("ada", "x", DUE.minusSeconds(5), 7);
        Submission adaLate = graded("ada", "y", DUE.plusSeconds(5), 5);
        GradeSheet sheet = Gradebook.sheet(group, columns, learners, Map.of("y", POLICY), List.of(adaOnTime, adaLate));

        GradeSheet.Row ada = sheet.learners().get(0);
        assertEquals("full", ada.cells().get(0).level());
        assertEquals("partial", ada.cells().get(1).level());
        assertEquals(new BigDecimal("2.50"), ada.cells().get(1).score());
        assertEquals(new BigDecimal("9.50"), ada.total());
        assertEquals("9.5", ada.shownTotal());
        assertEquals(adaLate.createdAt(), ada.lastActivity());
        assertEquals("y-" + "ada", ada.cells().get(1).latestSubmissionId());
        GradeSheet.Row bob = sheet.learners().get(1);
        assertEquals("none", bob.cells().get(0).level());
        assertEquals(null, bob.lastActivity());
        assertEquals(1, sheet.exercises().get(1).attempted());
        assertEquals(1, sheet.exercises().get(1).passed(), "a late full-marks submission passed");
        assertEquals(POLICY, sheet.exercises().get(1).deadline());
    }

    private static Submission graded(Instant at, int score) {
        return graded("l", "x", at, score);
    }

    private static Submission graded(String learner, String exercise, Instant at, int score) {
        return new Submission(exercise + "-" + learner, exercise, learner, at, SubmissionStatus.GRADED, Map.of(),
                score, score, List.of(), null, at);
    }
}
