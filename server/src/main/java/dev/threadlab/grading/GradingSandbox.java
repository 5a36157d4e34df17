package dev.threadlab.grading;

import dev.threadlab.exercise.Exercise;
import dev.threadlab.protocol.JavaRelease;
import dev.threadlab.protocol.RunnerReport;
import dev.threadlab.protocol.ScheduleExploration;
import dev.threadlab.run.SandboxLanes;
import dev.threadlab.sandbox.CompileDiagnostic;
import dev.threadlab.sandbox.ProgramLimits;
import dev.threadlab.sandbox.SandboxListener;
import dev.threadlab.sandbox.SandboxOutcome;
import dev.threadlab.sandbox.SandboxProgram;
import dev.threadlab.sandbox.TestReport;
import dev.threadlab.sandbox.TestSuite;
import dev.threadlab.trace.TraceConfig;
import dev.threadlab.trace.TraceLog;
import dev.threadlab.trace.TraceParser;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a submission once in a fresh sandbox with the exercise's limits and collects what the grader needs. Every
 * run goes through the grading lane of the run slots ({@link SandboxLanes}), so grading never adds containers beyond
 * {@code threadlab.runs.max-concurrent}; what it keeps is bounded like an interactive run's (trace budget, output
 * limit of the sandbox, a cap on test reports).
 */
@Singleton
public class GradingSandbox {
    /** Reports beyond one per test, class and repetition that are still kept (a class-level failure, say). */
    static final int EXTRA_REPORTS = 16;
    private static final Pattern TEST_ANNOTATION =
            Pattern.compile("@(?:Test|RepeatedTest|ParameterizedTest|TestFactory|TestTemplate)\\b");

    private final SandboxLanes lanes;
    private final TraceParser traceParser;
    private final TraceConfig traceConfig;
    private final HiddenTestCompiler testCompiler;

    GradingSandbox(SandboxLanes lanes, TraceParser traceParser, TraceConfig traceConfig, HiddenTestCompiler testCompiler) {
        this.lanes = lanes;
        this.traceParser = traceParser;
        this.traceConfig = traceConfig;
        this.testCompiler = testCompiler;
    }

    /** Runs the program's main class; {@code traceSampleHz} > 0 records its trace. */
    GradingRun runProgram(Exercise exercise, Map<String, String> files, int traceSampleHz) throws InterruptedException {
        return run(new SandboxProgram(runId(), files, exercise.mainClass(), exercise.stdin() == null ? "" : exercise.stdin(),
                traceSampleHz, exercise.limits(), null, exercise.jvmOptions(), null, exercise.jdk()), 0);
    }

    /**
     * Runs the exercise's JUnit classes against the files, {@code repeat} times in one JVM; {@code modelChecked}: classes
     * that call Lincheck, in a JVM with its agent.
     */
    GradingRun runTests(Exercise exercise, Map<String, String> files, List<String> testClasses, int repeat,
            boolean modelChecked) throws InterruptedException {
        return runSuite(exercise, files, new TestSuite(testCompiler.compile(exercise), testClasses, repeat, modelChecked,
                null), exercise.jdk());
    }

    /**
     * Runs each test method of the exercise's schedule test classes under the controlled scheduler, as
     * {@code exploration} says, on the JDK Fray instruments.
     */
    GradingRun runSchedules(Exercise exercise, Map<String, String> files, List<String> testClasses,
            ScheduleExploration exploration) throws InterruptedException {
        return runSuite(exercise, files, new TestSuite(testCompiler.compile(exercise), testClasses, 1, false, exploration),
                ScheduleExploration.JDK);
    }

    private GradingRun runSuite(Exercise exercise, Map<String, String> files, TestSuite suite, JavaRelease jdk)
            throws InterruptedException {
        int maxReports = suite.repeat() * (testCount(exercise.testFiles()) + suite.classes().size()) + EXTRA_REPORTS;
        return run(new SandboxProgram(runId(), files, exercise.mainClass(), "", 0, exercise.limits(), suite,
                exercise.jvmOptions(), null, jdk), maxReports);
    }

    /**
     * Runs a lesson's example as the page would, on its JDK, with the default limits; {@code traceSampleHz} > 0 traces
     * it.
     */
    public GradingRun runExample(String mainClass, Map<String, String> files, JavaRelease jdk, int traceSampleHz)
            throws InterruptedException {
        return run(new SandboxProgram(runId(), files, mainClass, "", traceSampleHz, ProgramLimits.DEFAULTS, null, List.of(),
                null, jdk), 0);
    }

    /** How many tests the test sources declare (annotations), an upper bound of the reports one repetition sends. */
    static int testCount(Map<String, String> testFiles) {
        int tests = 0;
        for (String source : testFiles.values()) {
            Matcher found = TEST_ANNOTATION.matcher(source);
            while (found.find()) {
                tests++;
            }
        }
        return tests;
    }

    private GradingRun run(SandboxProgram program, int maxReports) throws InterruptedException {
        Collector collector = new Collector(traceParser, traceConfig.newLog(), maxReports);
        GradedJob job = new GradedJob(program, collector);
        lanes.submit(job);
        SandboxOutcome outcome;
        try {
            outcome = job.await();
        } catch (InterruptedException e) {
            if (!lanes.withdraw(job)) {
                job.cancel();
            }
            throw e;
        }
        return collector.result(outcome, job.endedNanos());
    }

    private static String runId() {
        return "grade-" + UUID.randomUUID();
    }

    /**
     * Keeps a run's output (the sandbox caps its size), its trace within the same budget as a run's, and at most
     * {@code maxReports} test reports: a test runner the program tampered with cannot make the server keep more.
     */
    static final class Collector implements SandboxListener {
        private final TraceParser traceParser;
        private final TraceLog trace;
        private final int maxReports;
        private final StringBuilder stdout = new StringBuilder();
        private final StringBuilder stderr = new StringBuilder();
        private final List<CompileDiagnostic> diagnostics = new ArrayList<>();
        private final List<TestReport> reports = new ArrayList<>();
        private final List<RunnerReport.ScheduleStep> steps = new ArrayList<>();
        private volatile long startedNanos;
        private boolean testsFinished;

        Collector(TraceParser traceParser, TraceLog trace, int maxReports) {
            this.traceParser = traceParser;
            this.trace = trace;
            this.maxReports = maxReports;
        }

        synchronized GradingRun result(SandboxOutcome outcome, long endedNanos) {
            long wallTimeMs = startedNanos == 0 ? 0 : (endedNanos - startedNanos) / 1_000_000;
            return new GradingRun(outcome, List.copyOf(diagnostics), stdout.toString(), stderr.toString(), wallTimeMs,
                    trace.events(), List.copyOf(reports), testsFinished, List.copyOf(steps));
        }

        @Override
        public void compiling() {
        }

        @Override
        public synchronized void diagnostics(List<CompileDiagnostic> found) {
            diagnostics.addAll(found);
        }

        @Override
        public void running() {
            startedNanos = System.nanoTime();
        }

        @Override
        public synchronized void stdout(String text) {
            stdout.append(text);
        }

        @Override
        public synchronized void stderr(String text) {
            stderr.append(text);
        }

        @Override
        public void trace(String jsonLines) {
            List<TraceParser.Sized> events = traceParser.parse(jsonLines);
            synchronized (this) {
                trace.add(events);
            }
        }

        @Override
        public synchronized void testReport(TestReport report) {
            if (reports.size() < maxReports) {
                reports.add(report);
            }
        }

        /** A schedule step of a test method whose own report is still to come, within the same budget per test. */
        @Override
        public synchronized void scheduleStep(RunnerReport.ScheduleStep step) {
            if (steps.size() < maxReports * RunnerReport.ScheduleStep.MAX_STEPS) {
                steps.add(step);
            }
        }

        @Override
        public synchronized void testsFinished() {
            testsFinished = true;
        }

        synchronized int reportCount() {
            return reports.size();
        }
    }
}
