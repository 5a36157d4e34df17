package dev.threadlab.sandbox;

import dev.threadlab.protocol.RunnerReport;

import java.util.List;

/** Hears what a sandboxed program does while it runs. Called from Docker client threads. */
public interface SandboxListener {

    /** The container started and is compiling the sources. */
    void compiling();

    void diagnostics(List<CompileDiagnostic> diagnostics);

    /** Compilation succeeded and the program started; from now on the wall-clock limit counts. */
    void running();

    void stdout(String text);

    void stderr(String text);

    /** A batch of scheduling-trace events, one JSON object per line (see TraceRecorder.java in sandbox-image). */
    void trace(String jsonLines);

    /** A test of the program's {@link TestSuite} finished. */
    default void testReport(TestReport report) {
    }

    /** One step of a failing schedule's replay (schedule checks), sent before the test's report. */
    default void scheduleStep(RunnerReport.ScheduleStep step) {
    }

    /** The test runner finished every test class (a run that ends without this was cut short). */
    default void testsFinished() {
    }
}
