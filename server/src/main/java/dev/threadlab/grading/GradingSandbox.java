package dev.threadlab.grading;

import dev.threadlab.sandbox.CompileDiagnostic;
import dev.threadlab.sandbox.ProgramLimits;
import dev.threadlab.sandbox.Sandbox;
import dev.threadlab.sandbox.SandboxExecution;
import dev.threadlab.sandbox.SandboxListener;
import dev.threadlab.sandbox.SandboxOutcome;
import dev.threadlab.sandbox.SandboxProgram;
import dev.threadlab.sandbox.TestReport;
import dev.threadlab.sandbox.TestSuite;
import dev.threadlab.trace.TraceEvent;
import dev.threadlab.trace.TraceParser;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Runs a submission once in a fresh sandbox with the exercise's limits and collects what the grader needs. */
@Singleton
class GradingSandbox {
    private final Sandbox sandbox;
    private final TraceParser traceParser;
    private final HiddenTestCompiler testCompiler;

    GradingSandbox(Sandbox sandbox, TraceParser traceParser, HiddenTestCompiler testCompiler) {
        this.sandbox = sandbox;
        this.traceParser = traceParser;
        this.testCompiler = testCompiler;
    }

    /** Runs the program's main class; {@code traceSampleHz} > 0 records its trace. */
    GradingRun runProgram(Exercise exercise, Map<String, String> files, int traceSampleHz) throws InterruptedException {
        return run(new SandboxProgram(runId(), files, exercise.mainClass(), exercise.stdin() == null ? "" : exercise.stdin(),
                traceSampleHz, exercise.limits(), null, exercise.jvmOptions()));
    }

    /** Runs the exercise's JUnit classes against the files, {@code repeat} times in one JVM. */
    GradingRun runTests(Exercise exercise, Map<String, String> files, List<String> testClasses, int repeat)
            throws InterruptedException {
        return run(new SandboxProgram(runId(), files, exercise.mainClass(), "", 0, exercise.limits(),
                new TestSuite(testCompiler.compile(exercise), testClasses, repeat), exercise.jvmOptions()));
    }

    /** Runs a lesson's example as the page would, with the default limits; {@code traceSampleHz} > 0 traces it. */
    GradingRun runExample(String mainClass, Map<String, String> files, int traceSampleHz) throws InterruptedException {
        return run(new SandboxProgram(runId(), files, mainClass, "", traceSampleHz, ProgramLimits.DEFAULTS, null, List.of()));
    }

    private GradingRun run(SandboxProgram program) throws InterruptedException {
        Collector collector = new Collector(traceParser);
        SandboxExecution execution = sandbox.start(program, collector);
        SandboxOutcome outcome;
        try {
            outcome = execution.awaitOutcome();
        } catch (InterruptedException e) {
            execution.cancel();
            throw e;
        }
        long wallTimeMs = collector.startedNanos == 0 ? 0 : (System.nanoTime() - collector.startedNanos) / 1_000_000;
        synchronized (collector) {
            return new GradingRun(outcome, List.copyOf(collector.diagnostics), collector.stdout.toString(),
                    collector.stderr.toString(), wallTimeMs, List.copyOf(collector.trace),
                    List.copyOf(collector.reports), collector.testsFinished);
        }
    }

    private static String runId() {
        return "grade-" + UUID.randomUUID();
    }

    /** Keeps a run's output, trace and test reports; the sandbox caps the output's size. */
    private static final class Collector implements SandboxListener {
        private final TraceParser traceParser;
        private final StringBuilder stdout = new StringBuilder();
        private final StringBuilder stderr = new StringBuilder();
        private final List<CompileDiagnostic> diagnostics = new ArrayList<>();
        private final List<TraceEvent> trace = new ArrayList<>();
        private final List<TestReport> reports = new ArrayList<>();
        private volatile long startedNanos;
        private boolean testsFinished;

        Collector(TraceParser traceParser) {
            this.traceParser = traceParser;
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
                events.forEach(sized -> trace.add(sized.event()));
            }
        }

        @Override
        public synchronized void testReport(TestReport report) {
            reports.add(report);
        }

        @Override
        public synchronized void testsFinished() {
            testsFinished = true;
        }
    }
}
