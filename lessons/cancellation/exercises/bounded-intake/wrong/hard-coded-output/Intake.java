import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Wrong on purpose: the demo's numbers, whatever is asked for. */
public final class Intake {
    private Intake() {
    }

    public static int poolSize(int cpus, long waitMillis, long computeMillis) {
        return 8;
    }

    public static ThreadPoolExecutor newPool(int threads, int queueCapacity) {
        return new ThreadPoolExecutor(8, 8, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(4),
                new ThreadPoolExecutor.CallerRunsPolicy());
    }
}
