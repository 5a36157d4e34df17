package dev.threadlab.protocol;

/**
 * What a thread was about to do when the controlled scheduler let it go on: one step of a failing schedule's
 * interleaving ({@link RunnerReport.ScheduleStep}).
 */
public enum ScheduleStepKind {
    /** Starts or ends a thread, or waits for one to end. */
    THREAD,
    /** Takes or releases a lock or monitor. */
    LOCK,
    /** Waits on a monitor or a condition. */
    WAIT,
    /** Wakes waiting threads (notify, signal). */
    NOTIFY,
    /** Parks or unparks (what java.util.concurrent's waiting is made of). */
    PARK,
    /** Reads or writes a volatile field, an atomic or an array element shared with other threads. */
    MEMORY,
    /** Sleeps or yields. */
    SLEEP,
    /** Anything else the scheduler stops at. */
    OTHER
}
