package dev.threadlab.runner;

import dev.threadlab.protocol.RunnerReport;
import dev.threadlab.protocol.ScheduleStepKind;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.List;
import org.pastalab.fray.core.ThreadContext;
import org.pastalab.fray.rmi.ScheduleObserver;

/**
 * Watches Fray's choices during the replay of a failing schedule and keeps the last
 * {@link RunnerReport.ScheduleStep#MAX_STEPS}: which thread
 * it let go on, what that thread was about to do, and where in the tested code. The end of a schedule is where it
 * broke, so the last steps are the ones that show why.
 */
final class StepRecorder implements ScheduleObserver<ThreadContext> {
    private static final List<String> PLATFORM = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.",
            "org.pastalab.", "kotlin.", "dev.threadlab.runner.");

    private final ArrayDeque<Step> steps = new ArrayDeque<>();
    private int count;

    /** A new schedule begins: only the last one's steps matter. */
    void startSchedule() {
        steps.clear();
        count = 0;
    }

    /**
     * Keeps steps taken in the tested code (test or learner): a thread's start-up, class loading on its first call and
     * its exit are also scheduling points, but inside the JDK, and say nothing about the learner's program.
     */
    @Override
    public void onNewSchedule(Collection<? extends ThreadContext> enabled, ThreadContext scheduled) {
        Step step = step(++count, scheduled);
        if (step.at.isEmpty()) {
            return;
        }
        if (steps.size() == RunnerReport.ScheduleStep.MAX_STEPS) {
            steps.removeFirst();
        }
        steps.addLast(step);
    }

    @Override
    public void onContextSwitch(ThreadContext from, ThreadContext to) {
    }

    List<RunnerReport.ScheduleStep> reports(String className, String method) {
        return steps.stream().map(s -> new RunnerReport.ScheduleStep(className, method, s.number, s.thread, s.kind,
                s.call, s.at)).toList();
    }

    private static Step step(int number, ThreadContext scheduled) {
        Thread thread = scheduled.getThread();
        StackTraceElement[] stack = thread.getStackTrace();
        int tested = 0;
        while (tested < stack.length && platform(stack[tested].getClassName())) {
            tested++;
        }
        String at = tested < stack.length ? frame(stack[tested]) : "";
        String call = tested > 0 && tested <= stack.length ? method(stack[tested - 1]) : "";
        Object pending = scheduled.getPendingOperation();
        return new Step(number, thread.getName(), StepKinds.of(pending == null ? "" : pending.getClass().getSimpleName()),
                call, at);
    }

    private static boolean platform(String className) {
        return PLATFORM.stream().anyMatch(className::startsWith);
    }

    private static String method(StackTraceElement frame) {
        String type = frame.getClassName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethodName();
    }

    private static String frame(StackTraceElement frame) {
        return method(frame) + "(" + frame.getFileName() + ":" + frame.getLineNumber() + ")";
    }

    private record Step(int number, String thread, ScheduleStepKind kind, String call, String at) {
    }
}
