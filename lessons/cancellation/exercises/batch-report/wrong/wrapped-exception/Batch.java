import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Wrong on purpose: reports the ExecutionException instead of its cause. */
public final class Batch {
    private Batch() {
    }

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
            return Outcome.failure(e);              // the wrapper, not the job's own exception
        } catch (TimeoutException e) {
            future.cancel(true);
            return Outcome.failure(e);
        }
    }
}
