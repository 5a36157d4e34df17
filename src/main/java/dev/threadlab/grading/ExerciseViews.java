package dev.threadlab.grading;

import java.util.List;
import java.util.Map;

/** What learners may see of exercises: never the solution or the hidden tests. */
final class ExerciseViews {

    private ExerciseViews() {
    }

    record Summary(String id, String lessonId, String title, int maxScore) {
        static Summary of(Exercise e) {
            return new Summary(e.id(), e.lessonId(), e.title(), e.maxScore());
        }
    }

    record CheckInfo(String name, int points) {
    }

    /**
     * One exercise for one learner: the task, the starter files, the checks by name, the hints this learner has
     * unlocked (and how many are still locked), and whether the reference solution can be opened.
     */
    record Detail(String id, String lessonId, String title, int maxScore, String task, String mainClass,
            Map<String, String> starterFiles, List<CheckInfo> checks, List<String> hints, int lockedHints,
            boolean solutionAvailable) {

        static Detail of(Exercise e, int failedAttempts, boolean passed) {
            List<String> unlocked = e.hints().stream().filter(h -> h.afterFailedAttempts() <= failedAttempts)
                    .map(Exercise.Hint::html).toList();
            return new Detail(e.id(), e.lessonId(), e.title(), e.maxScore(), e.taskHtml(), e.mainClass(),
                    e.starterFiles(), e.checks().stream().map(c -> new CheckInfo(c.name(), c.points())).toList(),
                    unlocked, e.hints().size() - unlocked.size(), e.showSolutionAfterPass() && passed);
        }
    }
}
