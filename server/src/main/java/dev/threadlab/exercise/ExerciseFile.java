package dev.threadlab.exercise;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The shape of {@code exercise.yaml}, as Jackson reads it; {@link ExerciseParser} checks it and builds an
 * {@link Exercise}. Unknown keys are errors, so a typo does not silently drop a check.
 */
record ExerciseFile(String title, String mainClass, String stdin, Limits limits, List<String> jvmOptions,
        List<HintEntry> hints, Boolean showSolutionAfterPass, List<CheckEntry> checks, Integer jdk) {

    record Limits(String wallTime, String memory, Double cpus) {
    }

    record HintEntry(Integer after, String text) {
    }

    /**
     * A program check (name, points, stdout/stderr/exitCode/trace), a JUnit class (junit, tests) or a JUnit class run
     * under the controlled scheduler (schedule, schedules, seed, tests).
     */
    record CheckEntry(String id, String name, Integer points, Integer runs, Output stdout, Output stderr, Integer exitCode,
            Trace trace, String junit, List<TestEntry> tests, String schedule, Integer schedules, Long seed) {
    }

    record Output(String exact, String normalized, String regex, @JsonProperty("lines-any-order") String linesAnyOrder) {
    }

    record Trace(Integer minRunningAtOnce, Integer maxRunningAtOnce, Integer minWorkerThreads, Integer maxWorkerThreads,
            Integer minChildProcesses, Integer maxChildProcesses, Long maxBlockedMs, Long minWallTimeMs,
            Long maxWallTimeMs) {
    }

    record TestEntry(String method, String name, Integer points) {
    }
}
