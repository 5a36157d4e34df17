import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs a batch of jobs on a pool and reports what became of each one. */
public final class Batch {

    private Batch() {
    }

    /**
     * Runs every job on pool, all at once, and returns one Outcome per job, in the order of jobs: its value, or
     * the exception it threw. A job still running when limit has passed (for the whole batch) is cancelled with
     * an interrupt and reported as a TimeoutException. If the calling thread is interrupted while it waits, every
     * unfinished job is cancelled with an interrupt, and the InterruptedException is passed on.
     */
    public static List<Outcome> runAll(List<Callable<String>> jobs, ExecutorService pool, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        List<Future<String>> futures = new ArrayList<>();
        for (Callable<String> job : jobs) {
            futures.add(pool.submit(job));
        }
        List<Outcome> outcomes = new ArrayList<>();
        try {
            for (Future<String> future : futures) {
                outcomes.add(outcome(future, deadline - System.nanoTime()));
            }
        } finally {
            for (Future<String> future : futures) {
                future.cancel(true);   // does nothing to a finished job; stops the rest if we got here early
            }
        }
        return outcomes;
    }

    private static Outcome outcome(Future<String> future, long nanosLeft) throws InterruptedException {
        try {
            return Outcome.success(future.get(Math.max(nanosLeft, 0), TimeUnit.NANOSECONDS));
        } catch (ExecutionException e) {
            return Outcome.failure(e.getCause());   // the job's own exception, not the wrapper
        } catch (TimeoutException e) {
            future.cancel(true);
            return Outcome.failure(e);
        }
    }
}
