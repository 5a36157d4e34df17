import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchTest {
    private final List<ExecutorService> pools = new ArrayList<>();

    @AfterEach
    void shutDown() {
        pools.forEach(ExecutorService::shutdownNow);
    }

    /** One call of runAll on a thread of its own, so that the test can wait for it with a limit, or interrupt it. */
    private static final class Call {
        final Thread thread;
        final long start = System.nanoTime();
        volatile List<Outcome> outcomes;
        volatile Throwable thrown;
        volatile long millis = -1;

        Call(List<Callable<String>> jobs, ExecutorService pool, Duration limit) {
            thread = new Thread(() -> {
                try {
                    outcomes = Batch.runAll(jobs, pool, limit);
                } catch (Throwable e) {
                    thrown = e;
                }
                millis = (System.nanoTime() - start) / 1_000_000;
            }, "caller");
            thread.setDaemon(true);
            thread.start();
        }

        /** Waits for runAll to return its outcomes, at most the given seconds. */
        List<Outcome> outcomes(long seconds, int jobs) throws InterruptedException {
            return outcomes(seconds, jobs, "");
        }

        List<Outcome> outcomes(long seconds, int jobs, String whyItMayNotReturn) throws InterruptedException {
            thread.join(TimeUnit.SECONDS.toMillis(seconds));
            check(!thread.isAlive(), "runAll did not return within " + seconds + " seconds" + whyItMayNotReturn);
            if (thrown != null) {
                fail("runAll threw " + thrown + " instead of returning the outcomes");
            }
            check(outcomes != null, "runAll returned null instead of a list of outcomes");
            check(outcomes.size() == jobs, "runAll returned " + outcomes.size() + " outcomes for " + jobs
                    + " jobs: there must be one outcome per job, failed or not, in the order of the jobs");
            return outcomes;
        }
    }

    private ExecutorService pool(int threads) {
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "batch-pool-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        pools.add(pool);
        return pool;
    }

    /** A job that sleeps (30 s unless interrupted) and counts down `interrupted` if it is interrupted. */
    private static Callable<String> stuck(CountDownLatch started, CountDownLatch interrupted) {
        return () -> {
            started.countDown();
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            return "too late";
        };
    }

    @Test
    void returnsEveryValueInJobOrder() throws Exception {
        List<Callable<String>> jobs = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            int job = i;
            jobs.add(() -> {
                Thread.sleep(300 - job * 60L);   // job 1 is the slowest, job 5 the quickest
                return "value " + job;
            });
        }
        ExecutorService pool = pool(5);
        List<Outcome> outcomes = new Call(jobs, pool, Duration.ofSeconds(20)).outcomes(20, 5);

        for (int i = 0; i < 5; i++) {
            Outcome outcome = outcomes.get(i);
            check(!outcome.failed() && ("value " + (i + 1)).equals(outcome.value()), "the outcome of job " + (i + 1)
                    + " should be the value it returned, \"value " + (i + 1) + "\", but is " + outcome
                    + " (the jobs finish in reverse order; the outcomes must be in the order of the jobs)");
        }
        check(!pool.isShutdown(), "runAll shut the pool down: the pool belongs to the caller, who may use it again");
    }

    @Test
    void jobsRunAtTheSameTime() throws Exception {
        CyclicBarrier allFour = new CyclicBarrier(4);
        List<Callable<String>> jobs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            jobs.add(() -> {
                allFour.await(5, TimeUnit.SECONDS);   // passes only when all four jobs are running at once
                return "together";
            });
        }
        List<Outcome> outcomes = new Call(jobs, pool(4), Duration.ofSeconds(20)).outcomes(25, 4);

        for (Outcome outcome : outcomes) {
            check(!outcome.failed() && "together".equals(outcome.value()), "four jobs, each waiting for the other"
                    + " three, never ran all at once on a pool of four (one outcome is " + outcome + "): hand every"
                    + " job to the pool before waiting for any of them");
        }
    }

    @Test
    void reportsEveryFailureWithTheJobsOwnException() throws Exception {
        IllegalStateException first = new IllegalStateException("job 1 broke at once");
        IOException third = new IOException("job 3 could not read its file");
        AssertionError fifth = new AssertionError("job 5 found a bug");
        List<Callable<String>> jobs = List.of(
                () -> {
                    throw first;
                },
                () -> {
                    Thread.sleep(100);
                    return "two";
                },
                () -> {
                    Thread.sleep(50);
                    throw third;
                },
                () -> "four",
                () -> {
                    Thread.sleep(150);
                    throw fifth;
                },
                () -> {
                    Thread.sleep(200);
                    return "six";
                });
        List<Outcome> outcomes = new Call(jobs, pool(3), Duration.ofSeconds(20)).outcomes(20, 6);

        Throwable[] thrown = {first, null, third, null, fifth, null};
        String[] values = {null, "two", null, "four", null, "six"};
        for (int i = 0; i < 6; i++) {
            Outcome outcome = outcomes.get(i);
            if (thrown[i] != null) {
                check(outcome.failed(), "the outcome of job " + (i + 1) + " should be a failure (the job threw "
                        + thrown[i] + "), but is " + outcome);
                if (outcome.failure() != thrown[i]) {
                    assertSame(thrown[i], outcome.failure(), "the failure of job " + (i + 1) + " must be the very"
                            + " exception the job threw" + (outcome.failure() instanceof java.util.concurrent.ExecutionException
                            ? " (its ExecutionException wraps it: getCause())" : ""));
                }
            } else {
                check(!outcome.failed() && values[i].equals(outcome.value()), "the outcome of job " + (i + 1)
                        + " should be the value it returned, \"" + values[i] + "\", but is " + outcome);
            }
        }
    }

    @Test
    void aJobPastTheLimitIsCancelledWithAnInterrupt() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        List<Callable<String>> jobs = List.of(() -> "quick", stuck(new CountDownLatch(1), interrupted));
        List<Outcome> outcomes = new Call(jobs, pool(2), Duration.ofMillis(500)).outcomes(8, 2,
                " with a limit of 0.5 s and a job that never finishes: does it wait for that job without a limit?");

        check(!outcomes.get(0).failed() && "quick".equals(outcomes.get(0).value()),
                "the quick job returned \"quick\", but its outcome is " + outcomes.get(0));
        check(outcomes.get(1).failed() && outcomes.get(1).failure() instanceof TimeoutException,
                "the second job was still running when the limit of 0.5 s had passed; its outcome should be a failure"
                        + " with a TimeoutException, but it is " + outcomes.get(1));
        check(interrupted.await(5, TimeUnit.SECONDS), "the job that was still running at the limit was not"
                + " interrupted: cancel it with cancel(true), not cancel(false), so that its thread is free again");
    }

    @Test
    void theLimitIsForTheWholeBatch() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(6);
        List<Callable<String>> jobs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            jobs.add(stuck(new CountDownLatch(1), interrupted));
        }
        Call call = new Call(jobs, pool(6), Duration.ofSeconds(1));
        List<Outcome> outcomes = call.outcomes(10, 6,
                " with a limit of 1 s and six jobs that never finish: does it wait for them without a limit?");

        for (Outcome outcome : outcomes) {
            check(outcome.failed() && outcome.failure() instanceof TimeoutException, "all six jobs were still running"
                    + " at the limit, so every outcome should be a TimeoutException, but one is " + outcome);
        }
        check(call.millis < 4000, "six jobs that never finish, with a limit of 1 s, kept runAll busy for "
                + call.millis + " ms: the limit is for the whole batch, not 1 s for each job in turn");
    }

    @Test
    void anInterruptWhileWaitingCancelsTheJobs() throws Exception {
        CountDownLatch started = new CountDownLatch(3);
        CountDownLatch interrupted = new CountDownLatch(3);
        List<Callable<String>> jobs = List.of(stuck(started, interrupted), stuck(started, interrupted),
                stuck(started, interrupted));
        Call call = new Call(jobs, pool(3), Duration.ofSeconds(60));
        check(started.await(5, TimeUnit.SECONDS), "of three jobs, only " + (3 - started.getCount())
                + " had started 5 s after runAll was called"
                + ", on a pool of three: hand every job to the pool before waiting for any");

        call.thread.interrupt();
        call.thread.join(5000);
        check(!call.thread.isAlive(), "runAll was interrupted while it waited for its jobs, but it was still"
                + " waiting 5 s later");
        check(call.thrown instanceof InterruptedException, "runAll was interrupted while it waited for its jobs; it"
                + " should pass the InterruptedException on, but it "
                + (call.thrown == null ? "returned normally: " + call.outcomes
                : "threw another exception: " + call.thrown));
        check(interrupted.await(5, TimeUnit.SECONDS), (3 - interrupted.getCount()) + " of the 3 running jobs were"
                + " interrupted after runAll itself was interrupted: cancel every unfinished job with cancel(true)"
                + " before passing the InterruptedException on, or they run on with nobody waiting for them");
    }

    /** Like assertTrue, without "expected: <true> but was: <false>" after the message. */
    private static void check(boolean condition, String message) {
        if (!condition) {
            fail(message);
        }
    }
}
