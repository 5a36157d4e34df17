package dev.threadlab.run;

import dev.threadlab.sandbox.Sandbox;
import dev.threadlab.sandbox.SandboxExecution;
import dev.threadlab.sandbox.SandboxOutcome;
import dev.threadlab.sandbox.SandboxProgram;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
            new SandboxOutcome(SandboxOutcome.Kind.CANCELLED, null, "The run was cancelled before it started.");

    private final Sandbox sandbox;
    private final LaneQueue queue;
    private final List<Thread> workers = new ArrayList<>();

    @Inject
    SandboxLanes(Sandbox sandbox, RunConfig config) {
        this(sandbox, config.maxConcurrent().orElse(Runtime.getRuntime().availableProcessors()));
    }

    SandboxLanes(Sandbox sandbox, int slots) {
        this.sandbox = sandbox;
        this.queue = new LaneQueue(Math.max(1, slots));
        for (int i = 1; i <= Math.max(1, slots); i++) {
            Thread worker = new Thread(this::serve, "run-worker-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    /** Queues one graded run; the job hears how it went through its cleanup callbacks. */
    public void submit(SandboxJob job) {
        queue.add(job);
    }

    /** Takes a graded run out of the queue; false when it already has a slot (cancel it through its execution). */
    public boolean withdraw(SandboxJob job) {
        return queue.remove(job);
    }

    void submit(InteractiveJob job) {
        queue.add(job);
    }

    boolean withdraw(Run run) {
        return queue.remove(run);
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
