package dev.threadlab.protocol;

/**
 * How a schedule check explores ({@link RunSpec.Mode#SCHEDULE}): the hidden test runs under Fray's controlled scheduler
 * for at most {@code iterations} schedules, each chosen from a random sequence seeded with {@code seed}. The same
 * program, budget and seed always explore the same schedules in the same order, so a grade never depends on luck.
 */
public record ScheduleExploration(int iterations, long seed) {
    /** More would outlast any sandbox time limit: a schedule of a small test takes 1-5 ms under Fray. */
    public static final int MAX_ITERATIONS = 100_000;
    /** Fray 0.9.2 instruments only JDK 25's classes: a schedule check runs on it, whatever the exercise's JDK. */
    public static final JavaRelease JDK = JavaRelease.JDK_25;

    public ScheduleExploration {
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException(
                    "a schedule check explores 1 to " + MAX_ITERATIONS + " schedules, not " + iterations);
        }
    }
}
