package dev.threadlab.exercise;

import java.util.Map;

/**
 * The shape of {@code exercise.<lang>.yaml}: only the translated strings, each under the id of what it translates:
 * hints by the failed attempts they unlock after ({@code after}), checks by their {@code id} (a junit test's method).
 * {@code feedback} translates the hidden tests' failure messages: each key is text that occurs in the tests' sources
 * (an assertion's message, or a literal part of one), its value what a reader of this language sees instead.
 */
record ExerciseTranslationFile(String title, Map<Integer, String> hints, Map<String, String> checks,
        Map<String, String> feedback) {
}
