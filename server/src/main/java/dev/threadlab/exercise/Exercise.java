package dev.threadlab.exercise;

import dev.threadlab.lesson.Language;
import dev.threadlab.protocol.JavaRelease;
import dev.threadlab.sandbox.ProgramLimits;
import java.util.List;
import java.util.Map;

/**
 * An exercise as an instructor wrote it under {@code lessons/<lesson>/exercises/<id>/}. The solution and the hidden
 * test files stay on the server: only {@link ExerciseView} goes to learners.
 */
public record Exercise(String id, String lessonId, String title, String taskHtml, String mainClass,
        Map<String, String> starterFiles, Map<String, String> solutionFiles, Map<String, String> testFiles,
        String stdin, ProgramLimits limits, List<String> jvmOptions, List<Check> checks, List<Hint> hints,
        boolean showSolutionAfterPass, Map<Language, ExerciseText> translations, JavaRelease jdk) {

    /** {@code jdk}: what the solutions are compiled for and graded on; null is {@link JavaRelease#DEFAULT}. */
    public Exercise {
        jdk = jdk == null ? JavaRelease.DEFAULT : jdk;
    }

    /** The exercise's words in that language, or in English where it is not translated. */
    public ExerciseText text(Language language) {
        ExerciseText translated = translations.get(language);
        return translated != null ? translated
                : new ExerciseText(title, taskHtml, hints, checks.stream().map(Check::name).toList(), Map.of());
    }

    public int maxScore() {
        return checks.stream().mapToInt(Check::points).sum();
    }

    /** A hint the learner sees after this many submissions that did not get full marks. */
    public record Hint(int afterFailedAttempts, String html) {
    }
}
