package dev.threadlab.grading;

import dev.threadlab.exercise.Check.TraceExpectation;
import dev.threadlab.message.Message;
import java.util.List;

/** Judges the facts of one run's trace against a program check's trace expectation. */
final class TraceCheck {

    private TraceCheck() {
    }

    /** What the facts break of the expectation; empty when they meet it. */
    static List<Message> problems(TraceExpectation expected, TraceFacts facts) {
        List<Message> problems = new java.util.ArrayList<>();
        atLeast(problems, expected.minRunningAtOnce(), facts.maxRunningAtOnce(), "trace.runningAtOnce");
        atMost(problems, expected.maxRunningAtOnce(), facts.maxRunningAtOnce(), "trace.runningAtOnce");
        atLeast(problems, expected.minWorkerThreads(), facts.workerThreads(), "trace.workerThreads");
        atMost(problems, expected.maxWorkerThreads(), facts.workerThreads(), "trace.workerThreads");
        atLeast(problems, expected.minChildProcesses(), facts.childProcesses(), "trace.childProcesses");
        atMost(problems, expected.maxChildProcesses(), facts.childProcesses(), "trace.childProcesses");
        atMost(problems, expected.maxBlockedMs(), facts.longestBlockedMs(), "trace.longestBlockedMs");
        atLeast(problems, expected.minWallTimeMs(), facts.wallTimeMs(), "trace.wallTimeMs");
        atMost(problems, expected.maxWallTimeMs(), facts.wallTimeMs(), "trace.wallTimeMs");
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

    /** A fact below its bound: the fact's key with ".atLeast" appended, the measured value and the bound. */
    private static void atLeast(List<Message> problems, Number bound, long actual, String fact) {
        if (bound != null && actual < bound.longValue()) {
            problems.add(Message.of(fact + ".atLeast", "actual", actual, "bound", bound));
        }
    }

    private static void atMost(List<Message> problems, Number bound, long actual, String fact) {
        if (bound != null && actual > bound.longValue()) {
            problems.add(Message.of(fact + ".atMost", "actual", actual, "bound", bound));
        }
    }
}
