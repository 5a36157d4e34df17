package dev.threadlab.runner;

import dev.threadlab.protocol.RunnerReport;
import dev.threadlab.protocol.ScheduleExploration;
import dev.threadlab.protocol.ScheduleVerdict;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * One test method explored under the controlled scheduler. The verdict is this class's own observation, not Fray's
 * word alone: it counts the schedules it ran, keeps the first failure the test threw, and checks around every schedule
 * that the scheduler's hook into the JDK is still the one Fray installed, since the tested code shares this JVM and
 * could reach Fray's public state (see SECURITY.md).
 */
final class ScheduledTest {
    private final Class<?> testClass;
    private final Method method;
    private final StepRecorder recorder;
    private int schedules;
    private Throwable failure;
    private boolean tampered;

    /**
     * JUnit's way: test classes and methods need not be public (the tested code's module is open to this one).
     * {@code recorder}, when given, watches the scheduler's steps.
     */
    ScheduledTest(Class<?> testClass, Method method, StepRecorder recorder) {
        this.testClass = testClass;
        this.method = method;
        this.recorder = recorder;
        method.setAccessible(true);
    }

    /**
     * The exploration's result; when a schedule failed or deadlocked, the steps of that schedule first, from a replay
     * that must end the same way (the schedules are a function of the seed, so it does).
     */
    List<RunnerReport> exploreAndExplain(ScheduleExploration budget) {
        RunnerReport.ScheduleResult result = explore(budget);
        List<RunnerReport> reports = new ArrayList<>();
        if (result.verdict() == ScheduleVerdict.FAILED || result.verdict() == ScheduleVerdict.DEADLOCK) {
            StepRecorder steps = new StepRecorder();
            RunnerReport.ScheduleResult again = new ScheduledTest(testClass, method, steps)
                    .explore(new ScheduleExploration(result.schedule(), budget.seed()));
            if (again.verdict() == result.verdict() && again.schedule() == result.schedule()) {
                reports.addAll(steps.reports(testClass.getName(), method.getName()));
            }
        }
        reports.add(result);
        return reports;
    }

    RunnerReport.ScheduleResult explore(ScheduleExploration budget) {
        Throwable found = FrayExplorer.explore(this::runOneSchedule, budget, recorder);
        ScheduleVerdict verdict;
        String message = "";
        if (tampered) {
            verdict = ScheduleVerdict.TAMPERED;
        } else if (found != null && FrayExplorer.isDeadlock(found)) {
            // Before the test's own failure: once Fray ends a deadlocked schedule, the test goes on with threads that
            // never finished, and its assertions then fail on what they left undone.
            verdict = ScheduleVerdict.DEADLOCK;
        } else if (failure != null) {
            verdict = ScheduleVerdict.FAILED;
            message = ReportChannel.describe(failure);
        } else if (found != null) {
            verdict = ScheduleVerdict.FAILED; // a thread of the test's died, or the test ran too long in one schedule
            message = ReportChannel.describe(FrayExplorer.cause(found));
        } else {
            verdict = schedules == budget.iterations() ? ScheduleVerdict.PASSED : ScheduleVerdict.CUT_SHORT;
        }
        return new RunnerReport.ScheduleResult(testClass.getName(), method.getName(), verdict, Math.max(schedules, 1),
                message);
    }

    private void runOneSchedule() {
        schedules++;
        if (recorder != null) {
            recorder.startSchedule();
        }
        // Fray runs each schedule on a thread of its own ("Thread-1"): named after the test, its lane says what it is.
        Thread.currentThread().setName(method.getName());
        Object hook = FrayExplorer.jdkHook();
        try {
            Constructor<?> constructor = testClass.getDeclaredConstructor();
            constructor.setAccessible(true);
            method.invoke(constructor.newInstance());
        } catch (InvocationTargetException thrown) {
            failure = failure == null ? thrown.getCause() : failure;
            throw new ScheduleFailed();
        } catch (ReflectiveOperationException cannotRun) {
            failure = cannotRun;
            throw new ScheduleFailed();
        } finally {
            if (FrayExplorer.jdkHook() != hook) {
                tampered = true;
            }
        }
        if (tampered) {
            throw new ScheduleFailed();
        }
    }

    /** Ends the exploration: the schedule found what this class has already recorded. */
    static final class ScheduleFailed extends RuntimeException {
        ScheduleFailed() {
            super("the schedule failed", null, false, false);
        }
    }
}
