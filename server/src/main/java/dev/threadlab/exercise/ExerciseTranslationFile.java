package dev.threadlab.exercise;

import java.util.List;

/**
 * The shape of {@code exercise.<lang>.yaml}: only the translated strings, mirroring exercise.yaml's order (hints,
 * checks, and the tests of a junit check).
 */
record ExerciseTranslationFile(String title, List<HintText> hints, List<CheckText> checks) {

    record HintText(String text) {
    }

    record CheckText(String name, List<TestName> tests) {
    }

    record TestName(String name) {
    }
}
