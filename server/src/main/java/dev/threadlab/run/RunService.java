package dev.threadlab.run;

import dev.threadlab.message.Message;
import dev.threadlab.sandbox.ImageState;
import dev.threadlab.sandbox.SandboxImage;
import dev.threadlab.sandbox.SandboxUnavailableException;
import dev.threadlab.trace.TraceConfig;
import dev.threadlab.trace.TraceParser;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Accepts runs within each client's limits and queues them in the interactive lane of the run slots
 * ({@link SandboxLanes}), where learners take turns; what the sandbox reports becomes run events
 * ({@link InteractiveJob}).
 */
@Singleton
public class RunService {
    private static final Logger LOG = Logger.getLogger(RunService.class);

    private final SandboxLanes lanes;
    private final SandboxImage image;
    private final RunRequestValidator validator;
    private final RunRegistry registry;
    private final RunConfig config;
    private final TraceConfig traceConfig;
    private final TraceParser traceParser;
    private final RunAdmission admission;
    private final RunHistory history;
    private final MeterRegistry meters;

    RunService(SandboxLanes lanes, SandboxImage image, RunRequestValidator validator, RunRegistry registry,
            RunConfig config, TraceConfig traceConfig, TraceParser traceParser, RunHistory history, MeterRegistry meters) {
        this.history = history;
        this.meters = meters;
        this.lanes = lanes;
        this.image = image;
        this.validator = validator;
        this.registry = registry;
        this.config = config;
        this.traceConfig = traceConfig;
        this.traceParser = traceParser;
        this.admission = RunAdmission.forRuns(config.perClient());
    }

    /** Validates and queues a run; refused when the client already has as many runs as it may. */
    public Run submit(RunRequest request, RunClient client) {
        return submit(request, client, null, null);
    }

    /**
     * As {@link #submit(RunRequest, RunClient)}; the run joins this account's history when it ends, and the compiler
     * writes its messages in the reader's language (a BCP 47 tag; null is English).
     */
    public Run submit(RunRequest request, RunClient client, String historyOwner, String readerLanguage) {
        validator.validate(request);
        ImageState state = image.state();
        if (!state.ready()) {
            throw new SandboxUnavailableException("Programs cannot run right now: " + state.reason());
        }
        admission.admit(client);
        boolean traced = request.trace() == null ? traceConfig.enabledByDefault() : request.trace();
        Run run = new Run(UUID.randomUUID().toString(), request, client, traced, traceConfig.newLog(), readerLanguage);
        run.keepInHistoryOf(historyOwner);
        registry.add(run);
        lanes.submit(new InteractiveJob(run, traceConfig.sampleHz(), traceParser, this::finished));
        return run;
    }

    public Optional<Run> find(String id) {
        return registry.find(id);
    }

    /** Cancels the run for this client; refused unless the client started it. */
    public boolean cancel(Run run, RunClient client) {
        requireOwner(run, client, "run.notYours.cancel");
        return cancel(run);
    }

    /** Input for the run from this client; refused unless the client started it. */
    public boolean sendStdin(Run run, RunClient client, String text, boolean endOfInput) {
        requireOwner(run, client, "run.notYours.input");
        return sendStdin(run, text, endOfInput);
    }

    private static void requireOwner(Run run, RunClient client, String refusal) {
        if (!run.ownedBy(client)) {
            throw new NotYourRunException(Message.of(refusal));
        }
    }

    boolean cancel(Run run) {
        boolean wasActive = run.requestCancel();
        if (wasActive && lanes.withdraw(run)) {
            run.end(RunStatus.CANCELLED, null, Message.of("outcome.cancelledBeforeStart"));
            finished(run);
        }
        return wasActive;
    }

    boolean sendStdin(Run run, String text, boolean endOfInput) {
        return run.sendStdin(text, endOfInput, config.maxStdinSize().asLongValue());
    }

    /** A browser that watched the run is gone (tab closed): stop the program instead of running it for nobody. */
    public void watcherLeft(Run run) {
        if (run.watchedButAbandoned()) {
            LOG.debugf("Run %s lost its last watcher; cancelling it", run.id());
            cancel(run);
        }
    }

    private void finished(Run run) {
        Counter.builder("threadlab.runs").description("Interactive runs by final status")
                .tag("status", run.status().name()).register(meters).increment();
        admission.release(run.client());
        registry.ended(run);
        if (run.historyOwner() != null) {
            try {
                history.record(run);
            } catch (RuntimeException e) {
                LOG.warnf(e, "Run %s could not be kept in its learner's history", run.id());
            }
        }
    }

    /** On shutdown every run is stopped so that its container is removed before the server exits. */
    void onStop(@Observes ShutdownEvent event) {
        lanes.close();
        registry.active().forEach(this::cancel);
        lanes.awaitIdle(15, TimeUnit.SECONDS);
    }
}
