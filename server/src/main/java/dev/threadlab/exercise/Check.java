package dev.threadlab.exercise;

import dev.threadlab.protocol.ScheduleExploration;

/**
 * One graded check. Either a program check (the learner's program is run {@code runs} times and every run must meet
 * every expectation set) or one JUnit test method (the test class is run {@code runs} times and the method must
 * pass each time). Repetition is how concurrency bugs are caught: a race that shows one run in three still fails.
 * {@code id} names it within its exercise (a program check's {@code id}, a test's method): translations and stored
 * results refer to it. A schedule check is a JUnit test method run once under the controlled scheduler, which explores
 * {@link JUnitTest#schedule()} schedules instead of hoping that repetition meets the bad one.
 */
public record Check(String id, String name, int points, int runs, ProgramExpectation program, JUnitTest junit) {

    /** A hidden test method, plain or schedule-checked. */
    public boolean isJUnit() {
        return junit != null;
    }

    public boolean isSchedule() {
        return junit != null && junit.schedule() != null;
    }

    /** What a run of the program must show. Null fields are not checked. */
    public record ProgramExpectation(OutputMatch stdout, OutputMatch stderr, Integer exitCode, TraceExpectation trace) {
    }

    /** {@code schedule}: how a schedule check explores; null for a plain test. */
    public record JUnitTest(String className, String method, ScheduleExploration schedule) {
        public JUnitTest(String className, String method) {
            this(className, method, null);
        }
    }

    /** Facts about the run's scheduling trace (the grader measures them). Null fields are not checked. */
    public record TraceExpectation(Integer minRunningAtOnce, Integer maxRunningAtOnce, Integer minWorkerThreads,
            Integer maxWorkerThreads, Integer minChildProcesses, Integer maxChildProcesses, Long maxBlockedMs,
            Long minWallTimeMs, Long maxWallTimeMs) {
    }
}
