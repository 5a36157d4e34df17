package dev.threadlab.grading;

import java.time.Duration;

/** Limits an exercise sets for its graded runs; null fields keep the sandbox's defaults. */
public record ExerciseLimits(Duration wallTime, Long memoryBytes, Double cpus) {

    static final ExerciseLimits DEFAULTS = new ExerciseLimits(null, null, null);
}
