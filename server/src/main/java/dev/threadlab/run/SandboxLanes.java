package dev.threadlab.run;

import dev.threadlab.message.Message;
import dev.threadlab.sandbox.RunPhase;
import dev.threadlab.sandbox.Sandbox;
import dev.threadlab.sandbox.SandboxExecution;
import dev.threadlab.sandbox.SandboxMetrics;
import dev.threadlab.sandbox.SandboxOutcome;
import dev.threadlab.sandbox.SandboxProgram;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The run slots ({@code threadlab.runs.max-concurrent}) and the one place that starts sandboxes: one worker loop per
 * slot takes the next job from {@link LaneQueue} and takes it through prime → execute → cleanup. Interactive runs
 * and every graded run (submissions, course validation) come through here, so the engine never runs more containers
 * than there are slots.
 */
@Singleton
public class SandboxLanes {
    private static final Logger LOG = Logger.getLogger(SandboxLanes.class);
    private static final SandboxOutcome NOT_STARTED =
            SandboxOutcome.of(SandboxOutcome.Kind.CANCELLED, Message.of("outcome.cancelledBeforeStart"));

    private final Sandbox sandbox;
    private final LaneQueue queue;
    private final List<Thread> workers = new ArrayList<>();
    private final Consumer<Duration> queuedFor;
    private final Map<SandboxJob, Long> enqueuedAt = new ConcurrentHashMap<>();

    @Inject
    SandboxLanes(Sandbox sandbox, RunConfig config, SandboxMetrics metrics, MeterRegistry registry) {
        this(sandbox, config.maxConcurrent().orElse(Runtime.getRuntime().availableProcessors()),
                queued -> metrics.phase(RunPhase.QUEUED, queued));
        for (Lane lane : Lane.values()) {
            Gauge.builder("threadlab.queue.length", this, lanes -> lanes.waiting(lane))
                    .description("Jobs waiting for a run slot, by lane")
                    .tag("lane", lane.name().toLowerCase(java.util.Locale.ROOT))
                    .register(registry);
        }
    }

    SandboxLanes(Sandbox sandbox, int slots) {
        this(sandbox, slots, queued -> { });
    }

    /** {@code queuedFor} hears how long each job waited for its slot. */
    private SandboxLanes(Sandbox sandbox, int slots, Consumer<Duration> queuedFor) {
        this.sandbox = sandbox;
        this.queuedFor = queuedFor;
        this.queue = new LaneQueue(Math.max(1, slots));
        for (int i = 1; i <= Math.max(1, slots); i++) {
            Thread worker = new Thread(this::serve, "run-worker-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    /** How many sandbox jobs can run at once. */
    public int slots() {
        return workers.size();
    }

    /** Queues one graded run; the job hears how it went through its cleanup callbacks. */
    public void submit(SandboxJob job) {
        enqueuedAt.put(job, System.nanoTime());
        queue.add(job);
    }

    /** Takes a graded run out of the queue; false when it already has a slot (cancel it through its execution). */
    public boolean withdraw(SandboxJob job) {
        boolean withdrawn = queue.remove(job);
        if (withdrawn) {
            enqueuedAt.remove(job);
        }
        return withdrawn;
    }

    void submit(InteractiveJob job) {
        enqueuedAt.put(job, System.nanoTime());
        queue.add(job);
    }

    boolean withdraw(Run run) {
        boolean withdrawn = queue.remove(run);
        if (withdrawn) {
            enqueuedAt.keySet().removeIf(job -> job instanceof InteractiveJob interactive && interactive.run() == run);
        }
        return withdrawn;
    }

    int waiting(Lane lane) {
        return queue.waiting(lane);
    }

    /** One slot: takes the next job whose turn it is, runs it, and so on until the server stops. */
    private void serve() {
        try {
            for (SandboxJob job = queue.take(); job != null; job = queue.take()) {
                try {
                    process(job);
                } finally {
                    queue.done(job.lane());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** prime → execute → cleanup; exactly one cleanup callback is called, whatever happens. */
    private void process(SandboxJob job) {
        SandboxOutcome outcome;
        try {
            outcome = execute(job);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            job.dropped();
            return;
        } catch (RuntimeException e) {
            LOG.debugf(e, "A %s job failed", job.lane());
            job.failed(e);
            return;
        }
        job.ended(outcome);
    }

    private SandboxOutcome execute(SandboxJob job) throws InterruptedException {
        Long enqueued = enqueuedAt.remove(job);
        if (enqueued != null) {
            queuedFor.accept(Duration.ofNanos(System.nanoTime() - enqueued));
        }
        SandboxProgram program = job.prime();
        if (program == null) {
            return NOT_STARTED;
        }
        SandboxExecution execution = sandbox.start(program, job.listener());
        job.started(execution);
        try {
            return execution.awaitOutcome();
        } catch (InterruptedException e) {
            execution.cancel(); // the container is removed even though nobody waits for it any more
            throw e;
        }
    }

    /** The server stops: jobs that still wait are dropped; running ones are cancelled by their owners. */
    void onStop(@Observes ShutdownEvent event) {
        close();
    }

    void close() {
        queue.close().forEach(SandboxJob::dropped);
    }

    /** Waits until every worker finished its job (so that its container is removed), at most this long. */
    void awaitIdle(long timeout, TimeUnit unit) {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        for (Thread worker : workers) {
            try {
                worker.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
