package dev.threadlab.exercise;

import java.util.List;

/**
 * An exercise's words in one language: title, task (HTML), hints (HTML) and check names in the order of
 * {@link Exercise#checks()}. English comes from exercise.yaml and task.md; translations from exercise.zh-CN.yaml and
 * task.zh-CN.md.
 */
public record ExerciseText(String title, String taskHtml, List<Exercise.Hint> hints, List<String> checkNames) {
}
