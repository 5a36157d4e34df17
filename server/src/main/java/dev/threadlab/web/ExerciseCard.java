package dev.threadlab.web;

import dev.threadlab.exercise.Exercise;
import dev.threadlab.exercise.ExerciseText;
import dev.threadlab.lesson.Language;
import java.util.List;

/**
 * An exercise as the lesson page shows it: task and starter files only, never the solution or the tests; {@code jdk}
 * is the feature version of the JDK it is graded on, which its runs use too.
 */
public record ExerciseCard(String id, String title, int maxScore, String taskHtml, String mainClass,
        List<StarterFile> files, int jdk) {

    public record StarterFile(String name, String content) {
    }

    static ExerciseCard of(Exercise exercise, Language language) {
        ExerciseText text = exercise.text(language);
        List<StarterFile> files = exercise.starterFiles().entrySet().stream()
                .sorted((a, b) -> a.getKey().equals(mainFile(exercise)) ? -1 : b.getKey().equals(mainFile(exercise)) ? 1
                        : a.getKey().compareTo(b.getKey()))
                .map(e -> new StarterFile(e.getKey(), e.getValue())).toList();
        return new ExerciseCard(exercise.id(), text.title(), exercise.maxScore(), text.taskHtml(), exercise.mainClass(),
                files, exercise.jdk().feature());
    }

    private static String mainFile(Exercise exercise) {
        return exercise.mainClass().replace('.', '/') + ".java";
    }
}
