package dev.threadlab.grading;

import dev.threadlab.exercise.Check.TraceExpectation;
import java.util.List;

/** Judges the facts of one run's trace against a program check's trace expectation. */
final class TraceCheck {

    private TraceCheck() {
    }

    /** What the facts break of the expectation; empty when they meet it. */
    static List<String> problems(TraceExpectation expected, TraceFacts facts) {
        List<String> problems = new java.util.ArrayList<>();
        atLeast(problems, expected.minRunningAtOnce(), facts.maxRunningAtOnce(), "threads running at the same time");
        atMost(problems, expected.maxRunningAtOnce(), facts.maxRunningAtOnce(), "threads running at the same time");
        atLeast(problems, expected.minWorkerThreads(), facts.workerThreads(), "threads were started besides main");
        atMost(problems, expected.maxWorkerThreads(), facts.workerThreads(), "threads were started besides main");
        atLeast(problems, expected.minChildProcesses(), facts.childProcesses(), "child processes were started");
        atMost(problems, expected.maxChildProcesses(), facts.childProcesses(), "child processes were started");
        atMost(problems, expected.maxBlockedMs(), facts.longestBlockedMs(),
                "ms was the longest time a thread waited for a lock");
        atLeast(problems, expected.minWallTimeMs(), facts.wallTimeMs(), "ms was the run's wall time");
        atMost(problems, expected.maxWallTimeMs(), facts.wallTimeMs(), "ms was the run's wall time");
        return problems;
    }

    /**
     * Whether a busy host alone could explain why the run fails: the only problems are too few threads on CPUs at
     * once, or too much wall time. A correct program shows both once CPUs are free; a sequential one never does.
     */
    static boolean onlyABusyHostCouldExplain(TraceExpectation expected, TraceFacts facts) {
        TraceExpectation loadFree = new TraceExpectation(null, expected.maxRunningAtOnce(), expected.minWorkerThreads(),
                expected.maxWorkerThreads(), expected.minChildProcesses(), expected.maxChildProcesses(),
                expected.maxBlockedMs(), expected.minWallTimeMs(), null);
        return !problems(expected, facts).isEmpty() && problems(loadFree, facts).isEmpty();
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
