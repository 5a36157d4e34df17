import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Wrong on purpose: never looks at the failure inside each future. */
public final class Batch {
    private Batch() {
    }

    public static List<Outcome> runAll(List<Callable<String>> jobs, ExecutorService pool, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        String[] values = new String[jobs.size()];
        List<Future<String>> futures = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                values[index] = jobs.get(index).call();   // a failure stays inside this future
                return null;
            }));
        }
        List<Outcome> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < futures.size(); i++) {
                Outcome waited = outcome(futures.get(i), deadline - System.nanoTime());
                outcomes.add(waited.failed() && waited.failure() instanceof TimeoutException ? waited
                        : Outcome.success(values[i]));   // the future's failure is never looked at
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
