package dev.threadlab.classroom;

import dev.threadlab.submission.Submission;
import dev.threadlab.submission.SubmissionStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one rule for what counts: for a learner and an exercise in a class, the best over their GRADED submissions of
 * score × the late policy's percentage at the submission's creation, rounded half-up to 2 decimals. Pure (no
 * database, no clock), so the JSON, the CSV and the dashboard cannot disagree and the rule is unit-tested.
 */
public final class Gradebook {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** An exercise as a gradebook column. */
    public record Column(String id, String title, int maxScore) {
    }

    /** A learner of the class. */
    public record Learner(String id, String username) {
    }

    private Gradebook() {
    }

    /** The score that counts, or empty when none of the submissions is graded. */
    public static Optional<BigDecimal> best(Collection<Submission> submissions, LatePolicy policy) {
        return submissions.stream()
                .filter(s -> s.status() == SubmissionStatus.GRADED && s.score() != null)
                .map(s -> adjusted(s.score(), policy.percentAt(s.createdAt())))
                .max(Comparator.naturalOrder());
    }

    static BigDecimal adjusted(int score, int percent) {
        return BigDecimal.valueOf((long) score * percent).divide(HUNDRED, 2, RoundingMode.HALF_UP);
    }

    /** Every learner's cells (one per column, in column order), and per column how many attempted and passed. */
    public static GradeSheet sheet(ClassInfo group, List<Column> columns, List<Learner> learners,
            Map<String, LatePolicy> deadlines, Collection<Submission> submissions) {
        Map<String, Map<String, List<Submission>>> byLearner = submissions.stream().collect(Collectors.groupingBy(
                Submission::learnerId, Collectors.groupingBy(Submission::exerciseId)));
        List<GradeSheet.Row> rows = new ArrayList<>();
        for (Learner learner : learners) {
            Map<String, List<Submission>> theirs = byLearner.getOrDefault(learner.id(), Map.of());
            List<GradeSheet.Cell> cells = columns.stream().map(column -> cell(column,
                    theirs.getOrDefault(column.id(), List.of()), deadlines.getOrDefault(column.id(), LatePolicy.NONE)))
                    .toList();
            rows.add(GradeSheet.Row.of(learner, lastActivity(theirs), cells));
        }
        List<GradeSheet.ExerciseColumn> summaries = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            summaries.add(GradeSheet.ExerciseColumn.of(columns.get(i),
                    deadlines.get(columns.get(i).id()), cellsAt(rows, i)));
        }
        return new GradeSheet(group.id(), group.name(), summaries, rows);
    }

    private static GradeSheet.Cell cell(Column column, List<Submission> submissions, LatePolicy policy) {
        String latest = submissions.stream().max(Comparator.comparing(Submission::createdAt))
                .map(Submission::id).orElse(null);
        // Passing is about the code: a late full-marks submission passed, even if it counts for less.
        boolean passed = submissions.stream().anyMatch(Submission::fullMarks);
        return GradeSheet.Cell.of(column, best(submissions, policy).orElse(null), submissions.size(), passed, latest);
    }

    private static Instant lastActivity(Map<String, List<Submission>> submissions) {
        return submissions.values().stream().flatMap(List::stream).map(Submission::createdAt)
                .max(Comparator.naturalOrder()).orElse(null);
    }

    private static List<GradeSheet.Cell> cellsAt(List<GradeSheet.Row> rows, int column) {
        return rows.stream().map(row -> row.cells().get(column)).toList();
    }
}
