package dev.threadlab.run;

import dev.threadlab.sandbox.CompileDiagnostic;
import dev.threadlab.sandbox.ImageState;
import dev.threadlab.sandbox.Sandbox;
import dev.threadlab.sandbox.SandboxExecution;
import dev.threadlab.sandbox.SandboxImage;
import dev.threadlab.sandbox.SandboxListener;
import dev.threadlab.sandbox.SandboxOutcome;
import dev.threadlab.sandbox.SandboxProgram;
import dev.threadlab.sandbox.SandboxUnavailableException;
import dev.threadlab.trace.TraceConfig;
import dev.threadlab.trace.TraceLog;
import dev.threadlab.trace.TraceParser;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Accepts runs within each client's limits, queues them taking turns between learners, executes a bounded number at
 * once in the sandbox, and turns what the sandbox reports into run events.
 */
@Singleton
public class RunService {
    private static final Logger LOG = Logger.getLogger(RunService.class);

    private final Sandbox sandbox;
    private final SandboxImage image;
    private final RunRequestValidator validator;
    private final RunRegistry registry;
    private final RunConfig config;
    private final TraceConfig traceConfig;
    private final TraceParser traceParser;
    private final ExecutorService workers;
    private final FairRunQueue waiting = new FairRunQueue();
    private final RunAdmission admission;

    RunService(Sandbox sandbox, SandboxImage image, RunRequestValidator validator, RunRegistry registry, RunConfig config,
            TraceConfig traceConfig, TraceParser traceParser) {
        this.sandbox = sandbox;
        this.image = image;
        this.validator = validator;
        this.registry = registry;
        this.config = config;
        this.traceConfig = traceConfig;
        this.traceParser = traceParser;
        this.admission = new RunAdmission(config.perClient());
        int slots = Math.max(1, config.maxConcurrent().orElse(Runtime.getRuntime().availableProcessors()));
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(slots, r -> new Thread(r, "run-worker-" + count.incrementAndGet()));
        for (int i = 0; i < slots; i++) {
            workers.execute(this::serveQueue);
        }
    }

    /** Validates and queues a run; refused when the client already has as many runs as it may. */
    public Run submit(RunRequest request, RunClient client) {
        validator.validate(request);
        ImageState state = image.state();
        if (!state.ready()) {
            throw new SandboxUnavailableException("Programs cannot run right now: " + state.reason());
        }
        admission.admit(client);
        boolean traced = request.trace() == null ? traceConfig.enabledByDefault() : request.trace();
        Run run = new Run(UUID.randomUUID().toString(), request, client, traced,
                new TraceLog(traceConfig.maxSize().asLongValue(), traceConfig.coarseInterval().toNanos() / 1000));
        registry.add(run);
        waiting.add(run);
        return run;
    }

    public Optional<Run> find(String id) {
        return registry.find(id);
    }

    public boolean cancel(Run run) {
        boolean wasActive = run.requestCancel();
        if (wasActive && waiting.remove(run)) {
            run.end(RunStatus.CANCELLED, null, "The run was cancelled before it started.");
            finished(run);
        }
        return wasActive;
    }

    public boolean sendStdin(Run run, String text, boolean endOfInput) {
        return run.sendStdin(text, endOfInput, config.maxStdinSize().asLongValue());
    }

    /** A browser that watched the run is gone (tab closed): stop the program instead of running it for nobody. */
    public void watcherLeft(Run run) {
        if (run.watchedButAbandoned()) {
            LOG.debugf("Run %s lost its last watcher; cancelling it", run.id());
            cancel(run);
        }
    }

    /** One sandbox slot: takes the next run whose turn it is, runs it, and so on until the server stops. */
    private void serveQueue() {
        try {
            for (Run run = waiting.take(); run != null; run = waiting.take()) {
                execute(run);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void execute(Run run) {
        RunRequest request = run.request();
        run.moveTo(RunStatus.COMPILING);
        try {
            SandboxExecution execution = sandbox.start(
                    new SandboxProgram(run.id(), request.files(), request.mainClass(), request.stdin(),
                            run.traced() ? traceConfig.sampleHz() : 0),
                    new Listener(run, traceParser));
            run.attach(execution);
            SandboxOutcome outcome = execution.awaitOutcome();
            run.end(statusOf(outcome), outcome.exitCode(), outcome.message());
        } catch (SandboxUnavailableException e) {
            run.end(RunStatus.ERROR, null, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.end(RunStatus.CANCELLED, null, "The server is shutting down.");
        } catch (RuntimeException e) {
            LOG.errorf(e, "Run %s failed", run.id());
            run.end(RunStatus.ERROR, null, "The run failed inside the server: " + e.getMessage());
        } finally {
            finished(run);
        }
    }

    private void finished(Run run) {
        admission.release(run.client());
        registry.ended(run);
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

    /** On shutdown every run is stopped so that its container is removed before the server exits. */
    void onStop(@Observes ShutdownEvent event) {
        waiting.close();
        registry.active().forEach(this::cancel);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(15, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Listener implements SandboxListener {
        private final Run run;
        private final TraceParser traceParser;

        Listener(Run run, TraceParser traceParser) {
            this.run = run;
            this.traceParser = traceParser;
        }

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
