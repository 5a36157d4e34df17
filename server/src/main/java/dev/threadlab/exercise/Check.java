package dev.threadlab.exercise;

/**
 * One graded check. Either a program check (the learner's program is run {@code runs} times and every run must meet
 * every expectation set) or one JUnit test method (the test class is run {@code runs} times and the method must
 * pass each time). Repetition is how concurrency bugs are caught: a race that shows one run in three still fails.
 * {@code id} names it within its exercise (a program check's {@code id}, a test's method): translations and stored
 * results refer to it.
 */
public record Check(String id, String name, int points, int runs, ProgramExpectation program, JUnitTest junit) {

    public boolean isJUnit() {
        return junit != null;
    }

    /** What a run of the program must show. Null fields are not checked. */
    public record ProgramExpectation(OutputMatch stdout, OutputMatch stderr, Integer exitCode, TraceExpectation trace) {
    }

    public record JUnitTest(String className, String method) {
    }

    /** Facts about the run's scheduling trace (the grader measures them). Null fields are not checked. */
    public record TraceExpectation(Integer minRunningAtOnce, Integer maxRunningAtOnce, Integer minWorkerThreads,
            Integer maxWorkerThreads, Integer minChildProcesses, Integer maxChildProcesses, Long maxBlockedMs,
            Long minWallTimeMs, Long maxWallTimeMs) {
    }
}
