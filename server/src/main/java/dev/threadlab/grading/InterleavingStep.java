package dev.threadlab.grading;

import dev.threadlab.protocol.RunnerReport;
import dev.threadlab.protocol.ScheduleStepKind;

/**
 * One step of the schedule that broke a schedule check, as stored with its result and shown to the learner: the
 * {@code step}-th choice of the controlled scheduler, the thread it let go on, what that thread was about to do, the
 * library call it was in and where the tested code made it.
 */
public record InterleavingStep(int step, String thread, ScheduleStepKind kind, String call, String at) {

    static InterleavingStep of(RunnerReport.ScheduleStep step) {
        return new InterleavingStep(step.step(), step.thread(), step.kind(), step.call(), step.at());
    }
}
