import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Wrong on purpose: rejects tasks when full. */
public final class Intake {
    private Intake() {
    }

    public static int poolSize(int cpus, long waitMillis, long computeMillis) {
        double threads = cpus * (1 + (double) waitMillis / computeMillis);   // not waitMillis / computeMillis: that rounds down
        return (int) Math.max(1, Math.round(threads));
    }

    public static ThreadPoolExecutor newPool(int threads, int queueCapacity) {
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueCapacity));   // the default policy: AbortPolicy
    }
}
