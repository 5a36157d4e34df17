package dev.threadlab.protocol;

/** How a test method's exploration under the controlled scheduler ended ({@link RunnerReport.ScheduleResult}). */
public enum ScheduleVerdict {
    /** Every schedule of the budget passed. */
    PASSED,
    /** A schedule made the test fail: its assertion, or an exception in any of the test's threads. */
    FAILED,
    /** A schedule left every live thread waiting for another. */
    DEADLOCK,
    /** The tested code changed the scheduler's own state: no schedule it ran can be trusted. */
    TAMPERED,
    /** The exploration ended before its budget without a finding (the scheduler stopped, or the test never ran). */
    CUT_SHORT;

    public boolean passed() {
        return this == PASSED;
    }
}
