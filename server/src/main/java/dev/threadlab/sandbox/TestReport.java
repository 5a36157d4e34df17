package dev.threadlab.sandbox;

import dev.threadlab.protocol.ScheduleVerdict;

/**
 * One JUnit test's result in one repetition ({@code run}, from 1), as the sandbox's test runner reported it; for a
 * schedule check, how its exploration ended ({@code verdict}) and at which schedule ({@code schedule}: the failing
 * one, or how many passed).
 */
public record TestReport(int run, String className, String method, boolean passed, String message,
        ScheduleVerdict verdict, int schedule) {

    public TestReport(int run, String className, String method, boolean passed, String message) {
        this(run, className, method, passed, message, null, 0);
    }
}
