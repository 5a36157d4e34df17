package dev.threadlab.run;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.threadlab.sandbox.Sandbox;
import dev.threadlab.sandbox.SandboxExecution;
import dev.threadlab.sandbox.SandboxListener;
import dev.threadlab.sandbox.SandboxOutcome;
import dev.threadlab.sandbox.SandboxProgram;
import dev.threadlab.sandbox.SandboxUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The lane policy of the run slots, with a scripted sandbox whose programs end when the test says so: interactive
 * and graded runs share the slots, neither lane starves the other, and a learner's run is not stuck behind grading.
 */
class SandboxLanesTest {
    private final ScriptedSandbox sandbox = new ScriptedSandbox();
    private SandboxLanes lanes;

    @AfterEach
    void stop() {
        sandbox.finishEverything();
        lanes.close();
    }

    @Test
    void anInteractiveRunBehindTwentyGradedRunsStartsAtTheNextFreeSlot() {
        lanes = new SandboxLanes(sandbox, 2);
        List<Graded> graded = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            graded.add(graded("graded-" + i));
        }
        graded.forEach(lanes::submit);
        awaitStarts(2);
        Run run = FairRunQueueTest.run("interactive", "learner");
        List<Run> ended = new CopyOnWriteArrayList<>();
        lanes.submit(new InteractiveJob(run, 0, null, ended::add));

        sandbox.finish("graded-0");
        awaitStarts(3);
        assertEquals("interactive", sandbox.starts.get(2), "the next free slot goes to the learner: " + sandbox.starts);

        sandbox.finishEverything();
        await().atMost(Duration.ofSeconds(10)).until(() -> graded.stream().allMatch(g -> g.outcome.isDone())
                && ended.size() == 1);
        assertEquals(21, sandbox.starts.size());
        assertTrue(sandbox.maxRunning.get() <= 2, "at most 2 sandboxes at once, saw " + sandbox.maxRunning.get());
        assertEquals(RunStatus.FINISHED, run.status());
        graded.forEach(g -> assertEquals(SandboxOutcome.Kind.EXITED, g.outcome.join().kind()));
    }

    @Test
    void whenBothLanesWaitTheyTakeTurns() {
        lanes = new SandboxLanes(sandbox, 1);
        lanes.submit(graded("blocker"));
        awaitStarts(1);
        for (int i = 0; i < 4; i++) {
            lanes.submit(graded("g" + i));
            lanes.submit(new InteractiveJob(FairRunQueueTest.run("r" + i, "learner-" + i), 0, null, run -> { }));
        }
        sandbox.finishEverything();
        awaitStarts(9);
        assertEquals(List.of("blocker", "r0", "g0", "r1", "g1", "r2", "g2", "r3", "g3"), sandbox.starts);
        assertEquals(1, sandbox.maxRunning.get());
    }

    @Test
    void gradingDoesNotTakeTheLastSlotWhileLearnersWait() {
        lanes = new SandboxLanes(sandbox, 3);
        lanes.submit(graded("g0"));
        lanes.submit(graded("g1"));
        awaitStarts(2);
        lanes.submit(new InteractiveJob(FairRunQueueTest.run("r0", "a"), 0, null, run -> { }));
        awaitStarts(3);
        lanes.submit(graded("g2"));
        lanes.submit(new InteractiveJob(FairRunQueueTest.run("r1", "b"), 0, null, run -> { }));
        sandbox.finish("r0"); // the last start was interactive, but grading already holds 2 of 3 slots
        awaitStarts(4);
        assertEquals("r1", sandbox.starts.get(3), sandbox.starts.toString());
        sandbox.finish("g0");
        awaitStarts(5);
        assertEquals("g2", sandbox.starts.get(4));
    }

    @Test
    void aJobCancelledWhileWaitingNeverStartsAndAFailureReachesItsJob() {
        lanes = new SandboxLanes(sandbox, 1);
        lanes.submit(graded("blocker"));
        awaitStarts(1);
        Run run = FairRunQueueTest.run("cancelled", "learner");
        lanes.submit(new InteractiveJob(run, 0, null, ended -> { }));
        run.requestCancel();
        Graded failing = graded("engine-gone");
        lanes.submit(failing);
        sandbox.failing = "engine-gone";
        sandbox.finish("blocker");
        await().atMost(Duration.ofSeconds(5)).until(() -> failing.outcome.isDone() && run.status().isFinal());
        assertEquals(RunStatus.CANCELLED, run.status());
        assertEquals(List.of("blocker"), sandbox.starts, "neither the cancelled nor the failing job ran");
        assertTrue(failing.outcome.isCompletedExceptionally());
    }

    private void awaitStarts(int n) {
        await().atMost(Duration.ofSeconds(5)).until(() -> sandbox.starts.size() >= n);
    }

    private static Graded graded(String id) {
        return new Graded(new SandboxProgram(id, Map.of(), "Main", "", 0));
    }

    /** A graded run as the grading package makes them, reduced to its outcome. */
    static final class Graded implements SandboxJob {
        final SandboxProgram program;
        final CompletableFuture<SandboxOutcome> outcome = new CompletableFuture<>();

        Graded(SandboxProgram program) {
            this.program = program;
        }

        @Override
        public Lane lane() {
            return Lane.GRADING;
        }

        @Override
        public SandboxProgram prime() {
            return program;
        }

        @Override
        public SandboxListener listener() {
            return null;
        }

        @Override
        public void started(SandboxExecution execution) {
        }

        @Override
        public void ended(SandboxOutcome how) {
            outcome.complete(how);
        }

        @Override
        public void failed(RuntimeException error) {
            outcome.completeExceptionally(error);
        }

        @Override
        public void dropped() {
            outcome.cancel(false);
        }
    }

    /** Records which program started when and how many run at once; a program ends when the test finishes it. */
    static final class ScriptedSandbox implements Sandbox {
        final List<String> starts = new CopyOnWriteArrayList<>();
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger maxRunning = new AtomicInteger();
        private final Map<String, CompletableFuture<SandboxOutcome>> executions = new java.util.concurrent.ConcurrentHashMap<>();
        private volatile boolean finishAll;
        volatile String failing;

        @Override
        public SandboxExecution start(SandboxProgram program, SandboxListener listener) {
            if (program.runId().equals(failing)) {
                throw new SandboxUnavailableException("the engine is gone");
            }
            maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            CompletableFuture<SandboxOutcome> end = new CompletableFuture<>();
            executions.put(program.runId(), end);
            starts.add(program.runId());
            if (finishAll) {
                end.complete(new SandboxOutcome(SandboxOutcome.Kind.EXITED, 0, null));
            }
            return new SandboxExecution() {
                @Override
                public void sendStdin(String text) {
                }

                @Override
                public void closeStdin() {
                }

                @Override
                public void cancel() {
                    end.complete(SandboxOutcome.of(SandboxOutcome.Kind.CANCELLED, dev.threadlab.message.Message.of("outcome.cancelled")));
                }

                @Override
                public SandboxOutcome awaitOutcome() throws InterruptedException {
                    try {
                        return end.get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        throw new IllegalStateException(e);
                    } finally {
                        running.decrementAndGet();
                    }
                }
            };
        }

        void finish(String runId) {
            executions.get(runId).complete(new SandboxOutcome(SandboxOutcome.Kind.EXITED, 0, null));
        }

        void finishEverything() {
            finishAll = true;
            executions.values().forEach(end -> end.complete(new SandboxOutcome(SandboxOutcome.Kind.EXITED, 0, null)));
        }
    }
}
