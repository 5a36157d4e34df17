package dev.threadlab.bench;

import dev.threadlab.exercise.Check;
import dev.threadlab.exercise.Exercise;
import dev.threadlab.grading.Grader;
import java.util.Set;
import java.util.stream.Collectors;

/** The checks that control the schedule: schedule checks (Fray) and hidden tests that model-check with Lincheck. */
final class ControlledChecks {
    private ControlledChecks() {
    }

    static boolean isControlled(Exercise exercise, Check check) {
        return check.isSchedule() || check.isJUnit() && Grader.callsLincheck(exercise, check.junit().className());
    }

    /** The ids of the exercise's controlled checks; empty when it has none. */
    static Set<String> of(Exercise exercise) {
        return exercise.checks().stream().filter(c -> isControlled(exercise, c)).map(Check::id)
                .collect(Collectors.toSet());
    }
}
