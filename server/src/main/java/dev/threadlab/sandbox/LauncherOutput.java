package dev.threadlab.sandbox;

import dev.threadlab.protocol.DeadlockCycle;
import dev.threadlab.protocol.Diagnostic;
import dev.threadlab.protocol.Frame;
import dev.threadlab.protocol.FrameDecoder;
import dev.threadlab.protocol.LaunchPhase;
import dev.threadlab.protocol.LauncherExit;
import dev.threadlab.protocol.LauncherFrame;
import dev.threadlab.protocol.LauncherFrameChecker;
import dev.threadlab.protocol.ProtocolViolation;
import dev.threadlab.protocol.ReportSeal;
import dev.threadlab.protocol.RunnerReport;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the launcher's {@link LauncherFrame}s from the container's stdout. Every frame is checked against the
 * protocol (kind, size, count, phase) before it means anything; the first violation breaks the stream, and the run
 * ends {@code ERROR} without anything after it being believed. Test reports count only with a valid seal under this
 * run's key and in sequence; others are dropped.
 */
final class LauncherOutput {
    static final String INVALID_REPORT = "The sandbox sent an invalid report";

    /** Receives the program's own output bytes. */
    interface ProgramOutput {
        void write(byte[] bytes, boolean isStdout);
    }

    private final SandboxListener listener;
    private final ProgramOutput programOutput;
    private final ReportSeal seal;
    private final FrameDecoder decoder = FrameDecoder.forLauncherFrames(this::handle);
    private final LauncherFrameChecker checker = new LauncherFrameChecker();
    private final List<CompileDiagnostic> diagnostics = new ArrayList<>();
    private String violation;
    private volatile DeadlockCycle deadlock;
    private volatile boolean stoppedFromOutside;
    private volatile LauncherExit exit;
    private volatile LaunchPhase phase = LaunchPhase.STARTING;
    private final Runnable exiting;

    /**
     * {@code seal}: the key of this run's test reports, or null when it runs no tests; {@code exiting} hears the
     * launcher's last frame.
     */
    LauncherOutput(SandboxListener listener, ProgramOutput programOutput, ReportSeal seal, Runnable exiting) {
        this.listener = listener;
        this.programOutput = programOutput;
        this.seal = seal;
        this.exiting = exiting;
    }

    LaunchPhase phase() {
        return phase;
    }

    /** The cycle the launcher reported when it stopped a deadlocked program, or null. */
    DeadlockCycle deadlock() {
        return deadlock;
    }

    /** The engine stopped the container (docker stop, the engine shutting down): the launcher got SIGTERM. */
    boolean stoppedFromOutside() {
        return stoppedFromOutside;
    }

    /** What the launcher said in its last frame, or null when it did not get to say it (killed, out of memory). */
    LauncherExit exit() {
        return exit;
    }

    /** True once the stream broke the protocol; nothing after that point can be trusted. */
    synchronized boolean broken() {
        return violation != null;
    }

    /** What was wrong with the stream, for the run's message. */
    synchronized String problems() {
        return violation == null ? "" : INVALID_REPORT + " (" + violation + ").";
    }

    synchronized void accept(byte[] chunk) {
        if (violation != null) {
            return;
        }
        try {
            decoder.accept(chunk, 0, chunk.length);
        } catch (ProtocolViolation e) {
            violation = e.getMessage();
        }
    }

    private void handle(Frame frame) throws ProtocolViolation {
        LauncherFrame kind = checker.check(frame);
        phase = checker.phase();
        switch (kind) {
            case COMPILING -> listener.compiling();
            case DIAGNOSTIC -> diagnostics.add(CompileDiagnostic.from(Diagnostic.fromJson(frame.text())));
            case COMPILE_FAILED -> listener.diagnostics(List.copyOf(diagnostics));
            case RUNNING -> {
                if (!diagnostics.isEmpty()) {
                    listener.diagnostics(List.copyOf(diagnostics));
                }
                listener.running();
            }
            case STDOUT -> programOutput.write(frame.payload(), true);
            case STDERR -> programOutput.write(frame.payload(), false);
            case TRACE -> listener.trace(frame.text());
            case DEADLOCK -> deadlock = DeadlockCycle.fromJson(frame.payload());
            case TEST_REPORT -> testReport(frame.text());
            case STOPPED_FROM_OUTSIDE -> stoppedFromOutside = true;
            case EXITING -> {
                exit = LauncherExit.fromJson(frame.text());
                exiting.run();
            }
        }
    }

    private void testReport(String line) throws ProtocolViolation {
        if (seal == null) {
            throw new ProtocolViolation("a test report in a run without tests");
        }
        RunnerReport report;
        try {
            report = seal.open(line);
        } catch (ProtocolViolation unsealed) {
            return; // not the runner's: dropped, and the test it claims stays without a result
        }
        if (report instanceof RunnerReport.TestResult result) {
            listener.testReport(new TestReport(result.run(), result.className(), result.method(), result.passed(),
                    result.message()));
        } else if (report instanceof RunnerReport.ScheduleStep step) {
            listener.scheduleStep(step);
        } else if (report instanceof RunnerReport.ScheduleResult result) {
            listener.testReport(new TestReport(1, result.className(), result.method(), result.verdict().passed(),
                    result.message(), result.verdict(), result.schedule()));
        } else {
            listener.testsFinished();
        }
    }
}
