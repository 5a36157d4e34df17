package dev.threadlab.grading;

import dev.threadlab.run.Lane;
import dev.threadlab.run.SandboxJob;
import dev.threadlab.sandbox.SandboxExecution;
import dev.threadlab.sandbox.SandboxListener;
import dev.threadlab.sandbox.SandboxOutcome;
import dev.threadlab.sandbox.SandboxProgram;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * One graded run in the grading lane of the run slots. The grader's thread waits for it; when that thread is
 * interrupted (the server stops) the job is withdrawn or its sandbox cancelled.
 */
final class GradedJob implements SandboxJob {
    private final SandboxProgram program;
    private final SandboxListener listener;
    private final CompletableFuture<SandboxOutcome> outcome = new CompletableFuture<>();
    private SandboxExecution execution;
    private boolean cancelled;
    private volatile long endedNanos;

    GradedJob(SandboxProgram program, SandboxListener listener) {
        this.program = program;
        this.listener = listener;
    }

    @Override
    public Lane lane() {
        return Lane.GRADING;
    }

    @Override
    public synchronized SandboxProgram prime() {
        return cancelled ? null : program;
    }

    @Override
    public SandboxListener listener() {
        return listener;
    }

    @Override
    public synchronized void started(SandboxExecution running) {
        execution = running;
        if (cancelled) {
            running.cancel();
        }
    }

    @Override
    public void ended(SandboxOutcome how) {
        endedNanos = System.nanoTime();
        outcome.complete(how);
    }

    @Override
    public void failed(RuntimeException error) {
        outcome.completeExceptionally(error);
    }

    @Override
    public void dropped() {
        outcome.completeExceptionally(new Dropped());
    }

    /** Nobody waits for the result any more: stop the program, or do not start it. */
    synchronized void cancel() {
        cancelled = true;
        if (execution != null) {
            execution.cancel();
        }
    }

    /** When the program ended (System.nanoTime), once {@link #await} returned. */
    long endedNanos() {
        return endedNanos;
    }

    /** Waits for the outcome; a failure of the server is rethrown, a server that stops is an interruption. */
    SandboxOutcome await() throws InterruptedException {
        try {
            return outcome.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Dropped) {
                throw new InterruptedException("The server is shutting down.");
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    private static final class Dropped extends RuntimeException {
        Dropped() {
            super("dropped", null, false, false);
        }
    }
}
