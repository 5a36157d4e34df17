package dev.threadlab.run;

import dev.threadlab.message.Message;
import dev.threadlab.sandbox.CompileDiagnostic;
import dev.threadlab.sandbox.ProgramLimits;
import dev.threadlab.sandbox.SandboxExecution;
import dev.threadlab.sandbox.SandboxListener;
import dev.threadlab.sandbox.SandboxOutcome;
import dev.threadlab.sandbox.SandboxProgram;
import dev.threadlab.sandbox.SandboxUnavailableException;
import dev.threadlab.trace.TraceParser;
import java.util.List;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/** A learner's run in the pipeline: what the sandbox reports becomes the run's events. */
final class InteractiveJob implements SandboxJob {
    private static final Logger LOG = Logger.getLogger(InteractiveJob.class);

    private final Run run;
    private final int traceSampleHz;
    private final TraceParser traceParser;
    private final Consumer<Run> finished;

    /** {@code finished} is called once the run ended, however it ended. */
    InteractiveJob(Run run, int traceSampleHz, TraceParser traceParser, Consumer<Run> finished) {
        this.run = run;
        this.traceSampleHz = traceSampleHz;
        this.traceParser = traceParser;
        this.finished = finished;
    }

    Run run() {
        return run;
    }

    @Override
    public Lane lane() {
        return Lane.INTERACTIVE;
    }

    @Override
    public SandboxProgram prime() {
        if (run.cancelRequested()) {
            return null;
        }
        run.moveTo(RunStatus.COMPILING);
        RunRequest request = run.request();
        return new SandboxProgram(run.id(), request.files(), request.mainClass(), request.stdin(),
                run.traced() ? traceSampleHz : 0, ProgramLimits.DEFAULTS, null, List.of(), run.readerLanguage(),
                request.release());
    }

    @Override
    public SandboxListener listener() {
        return new Listener();
    }

    @Override
    public void started(SandboxExecution execution) {
        run.attach(execution);
    }

    @Override
    public void ended(SandboxOutcome outcome) {
        end(statusOf(outcome), outcome.exitCode(), outcome.message());
    }

    @Override
    public void failed(RuntimeException error) {
        if (error instanceof SandboxUnavailableException) {
            end(RunStatus.ERROR, null, Message.of("outcome.sandboxUnavailable", "detail", error.getMessage()));
        } else {
            LOG.errorf(error, "Run %s failed", run.id());
            end(RunStatus.ERROR, null, Message.of("outcome.serverFailed", "detail", error.getMessage()));
        }
    }

    @Override
    public void dropped() {
        end(RunStatus.CANCELLED, null, Message.of("outcome.serverStopping"));
    }

    private void end(RunStatus status, Integer exitCode, Message message) {
        try {
            run.end(status, exitCode, message);
        } finally {
            finished.accept(run);
        }
    }

    private static RunStatus statusOf(SandboxOutcome outcome) {
        return switch (outcome.kind()) {
            case EXITED -> RunStatus.FINISHED;
            case COMPILE_ERROR -> RunStatus.COMPILE_ERROR;
            case TIMED_OUT -> RunStatus.TIMED_OUT;
            case MEMORY_LIMIT -> RunStatus.MEMORY_LIMIT;
            case OUTPUT_LIMIT -> RunStatus.OUTPUT_LIMIT;
            case DEADLOCK -> RunStatus.DEADLOCK;
            case CANCELLED -> RunStatus.CANCELLED;
            case ERROR -> RunStatus.ERROR;
        };
    }

    private final class Listener implements SandboxListener {
        @Override
        public void compiling() {
            run.moveTo(RunStatus.COMPILING);
        }

        @Override
        public void diagnostics(List<CompileDiagnostic> diagnostics) {
            run.setDiagnostics(diagnostics);
        }

        @Override
        public void running() {
            run.moveTo(RunStatus.RUNNING);
        }

        @Override
        public void stdout(String text) {
            run.appendStdout(text);
        }

        @Override
        public void stderr(String text) {
            run.appendStderr(text);
        }

        @Override
        public void trace(String jsonLines) {
            run.appendTrace(traceParser.parse(jsonLines));
        }
    }
}
