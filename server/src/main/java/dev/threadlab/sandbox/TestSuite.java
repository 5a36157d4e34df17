package dev.threadlab.sandbox;

import dev.threadlab.protocol.ScheduleExploration;
import java.util.List;
import java.util.Map;

/**
 * JUnit test classes to run against the program, inside the sandbox, {@code repeat} times in one JVM (a race must show
 * in every run to be caught reliably); with {@code modelChecked}, classes that call Lincheck's model checker, in a JVM
 * with its agent; or, with {@code schedule}, each test method under the controlled scheduler (schedule checks). The
 * tests arrive compiled ({@code classFiles}: binary name → class file), never as source. Results come back sealed with
 * a per-run key, on a channel the program cannot write to (see sandbox-runner), never through its stdout.
 */
public record TestSuite(Map<String, byte[]> classFiles, List<String> classes, int repeat, boolean modelChecked,
        ScheduleExploration schedule) {
    public TestSuite {
        classFiles = Map.copyOf(classFiles);
        classes = List.copyOf(classes);
        if (modelChecked && schedule != null) {
            throw new IllegalArgumentException("Lincheck's tests and schedule checks run in test runs of their own");
        }
    }
}
