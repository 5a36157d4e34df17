package dev.threadlab.exercise;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * An exercise's words in one language: title, task (HTML), hints (HTML) and check names in the order of
 * {@link Exercise#checks()}, and the hidden tests' failure messages translated ({@code feedback}: English text → this
 * language; empty for English). English comes from exercise.yaml and task.md; translations from exercise.zh-CN.yaml
 * and task.zh-CN.md.
 */
public record ExerciseText(String title, String taskHtml, List<Exercise.Hint> hints, List<String> checkNames,
        Map<String, String> feedback) {

    /** The failure message of a hidden test in this language: each known English part replaced, longest first. */
    public String feedback(String message) {
        if (message == null || feedback.isEmpty()) {
            return message;
        }
        String translated = message;
        for (String english : feedback.keySet().stream()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            translated = translated.replace(english, feedback.get(english));
        }
        return translated;
    }
}
