package dev.threadlab.classroom;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A class's gradebook: learners × exercises, each cell the score that counts ({@link Gradebook}). The JSON of
 * {@code /api/classes/{id}/grades}, the rows of the CSV and the dashboard's grid.
 */
public record GradeSheet(String classId, String name, List<ExerciseColumn> exercises, List<Row> learners) {

    /** An exercise: its due date (null when it has none) and how many learners attempted it and passed it. */
    public record ExerciseColumn(String id, String title, int maxScore, LatePolicy deadline, int attempted,
            int passed) {

        static ExerciseColumn of(Gradebook.Column column, LatePolicy deadline, List<Cell> cells) {
            int attempted = (int) cells.stream().filter(c -> c.attempts() > 0).count();
            int passed = (int) cells.stream().filter(Cell::passed).count();
            return new ExerciseColumn(column.id(), column.title(), column.maxScore(), deadline, attempted, passed);
        }
    }

    /** A learner: when they last submitted anything (null: never), their cells in column order, and the total. */
    public record Row(String id, String username, Instant lastActivity, BigDecimal total, List<Cell> cells) {

        static Row of(Gradebook.Learner learner, Instant lastActivity, List<Cell> cells) {
            BigDecimal total = cells.stream().map(Cell::score).filter(Objects::nonNull)
                    .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
            return new Row(learner.id(), learner.username(), lastActivity, total, cells);
        }

        public String shownTotal() {
            return GradeSheet.plain(total);
        }
    }

    /**
     * One learner and one exercise: the score that counts (null: nothing graded), the number of submissions,
     * whether one got full marks, the latest submission's id (null: none), and the level the dashboard colours:
     * none, partial or full.
     */
    public record Cell(String exerciseId, BigDecimal score, int maxScore, int attempts, boolean passed,
            String latestSubmissionId, String level) {

        static Cell of(Gradebook.Column column, BigDecimal score, int attempts, boolean passed, String latest) {
            String level = score == null ? "none"
                    : score.compareTo(BigDecimal.valueOf(column.maxScore())) >= 0 ? "full" : "partial";
            return new Cell(column.id(), score, column.maxScore(), attempts, passed, latest, level);
        }

        /** The score as people read it: 3.5, 5, or empty. */
        public String shown() {
            return score == null ? "" : GradeSheet.plain(score);
        }
    }

    /** A number without trailing zeros and never in exponent form: 3.50 → 3.5, 5.00 → 5. */
    static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }
}
