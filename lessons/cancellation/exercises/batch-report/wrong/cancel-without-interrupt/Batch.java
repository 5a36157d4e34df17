import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Wrong on purpose: cancels without interrupting. */
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
                future.cancel(false);  // lets running jobs run on
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
            future.cancel(false);
            return Outcome.failure(e);
        }
    }
}
