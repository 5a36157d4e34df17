package dev.threadlab.grading;

import java.util.List;

/**
 * One graded check. Either a program check (the learner's program is run {@code runs} times and every run must meet
 * every expectation set) or one JUnit test method (the test class is run {@code runs} times and the method must
 * pass each time). Repetition is how concurrency bugs are caught: a race that shows one run in three still fails.
 */
public record Check(String name, int points, int runs, ProgramExpectation program, JUnitTest junit) {

    public boolean isJUnit() {
        return junit != null;
    }

    /** What a run of the program must show. Null fields are not checked. */
    public record ProgramExpectation(OutputMatch stdout, OutputMatch stderr, Integer exitCode, TraceExpectation trace) {
    }

    public record JUnitTest(String className, String method) {
    }

    /** Facts about the run's scheduling trace; see {@link TraceFacts}. Null fields are not checked. */
    public record TraceExpectation(Integer minRunningAtOnce, Integer maxRunningAtOnce, Integer minWorkerThreads,
            Integer maxWorkerThreads, Integer minChildProcesses, Integer maxChildProcesses, Long maxBlockedMs,
            Long minWallTimeMs, Long maxWallTimeMs) {

        List<String> problems(TraceFacts facts) {
            List<String> problems = new java.util.ArrayList<>();
            atLeast(problems, minRunningAtOnce, facts.maxRunningAtOnce(), "threads running at the same time");
            atMost(problems, maxRunningAtOnce, facts.maxRunningAtOnce(), "threads running at the same time");
            atLeast(problems, minWorkerThreads, facts.workerThreads(), "threads were started besides main");
            atMost(problems, maxWorkerThreads, facts.workerThreads(), "threads were started besides main");
            atLeast(problems, minChildProcesses, facts.childProcesses(), "child processes were started");
            atMost(problems, maxChildProcesses, facts.childProcesses(), "child processes were started");
            atMost(problems, maxBlockedMs, facts.longestBlockedMs(), "ms was the longest time a thread waited for a lock");
            atLeast(problems, minWallTimeMs, facts.wallTimeMs(), "ms was the run's wall time");
            atMost(problems, maxWallTimeMs, facts.wallTimeMs(), "ms was the run's wall time");
            return problems;
        }

        /**
         * Whether a busy host alone could explain why the run fails: the only problems are too few threads on CPUs at
         * once, or too much wall time. A correct program shows both once CPUs are free; a sequential one never does.
         */
        boolean onlyABusyHostCouldExplain(TraceFacts facts) {
            TraceExpectation loadFree = new TraceExpectation(null, maxRunningAtOnce, minWorkerThreads, maxWorkerThreads,
                    minChildProcesses, maxChildProcesses, maxBlockedMs, minWallTimeMs, null);
            return !problems(facts).isEmpty() && loadFree.problems(facts).isEmpty();
        }

        private static void atLeast(List<String> problems, Number bound, long actual, String what) {
            if (bound != null && actual < bound.longValue()) {
                problems.add(actual + " " + what + "; at least " + bound + " expected");
            }
        }

        private static void atMost(List<String> problems, Number bound, long actual, String what) {
            if (bound != null && actual > bound.longValue()) {
                problems.add(actual + " " + what + "; at most " + bound + " expected");
            }
        }
    }
}
