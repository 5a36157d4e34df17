package dev.threadlab.submission;

import dev.threadlab.exercise.Exercise;
import dev.threadlab.exercise.ExerciseText;
import dev.threadlab.lesson.Language;
import java.util.List;
import java.util.Map;

/** What learners may see of exercises: never the solution or the hidden tests. */
final class ExerciseViews {

    private ExerciseViews() {
    }

    record Summary(String id, String lessonId, String title, int maxScore) {
        static Summary of(Exercise e, Language language) {
            return new Summary(e.id(), e.lessonId(), e.text(language).title(), e.maxScore());
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

        static Detail of(Exercise e, Language language, int failedAttempts, boolean passed) {
            ExerciseText text = e.text(language);
            List<String> unlocked = text.hints().stream().filter(h -> h.afterFailedAttempts() <= failedAttempts)
                    .map(Exercise.Hint::html).toList();
            List<CheckInfo> checks = new java.util.ArrayList<>();
            for (int i = 0; i < e.checks().size(); i++) {
                checks.add(new CheckInfo(text.checkNames().get(i), e.checks().get(i).points()));
            }
            return new Detail(e.id(), e.lessonId(), text.title(), e.maxScore(), text.taskHtml(), e.mainClass(),
                    e.starterFiles(), checks, unlocked, text.hints().size() - unlocked.size(),
                    e.showSolutionAfterPass() && passed);
        }
    }
}
