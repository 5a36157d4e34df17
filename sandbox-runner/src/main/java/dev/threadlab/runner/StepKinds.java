package dev.threadlab.runner;

import dev.threadlab.protocol.ScheduleStepKind;

/** What a thread was about to do, from the name of Fray's pending operation; apart from Fray, so tests need none. */
final class StepKinds {
    private StepKinds() {
    }

    /** Fray's operation classes by name (LockLockOperation, ObjectWaitBlocked, ConditionWakeBlocked, ...). */
    static ScheduleStepKind of(String operation) {
        if (operation.contains("Wake")) {
            return ScheduleStepKind.NOTIFY;
        }
        if (operation.contains("Wait") || operation.contains("Await")) {
            return ScheduleStepKind.WAIT;
        }
        if (operation.contains("Park")) {
            return ScheduleStepKind.PARK;
        }
        if (operation.contains("Lock")) {
            return ScheduleStepKind.LOCK;
        }
        if (operation.contains("Thread")) {
            return ScheduleStepKind.THREAD;
        }
        if (operation.contains("Sleep")) {
            return ScheduleStepKind.SLEEP;
        }
        if (operation.contains("Memory") || operation.contains("Racing")) {
            return ScheduleStepKind.MEMORY;
        }
        return ScheduleStepKind.OTHER;
    }
}
