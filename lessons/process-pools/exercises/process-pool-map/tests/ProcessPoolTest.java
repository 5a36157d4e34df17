import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class ProcessPoolTest {
    /**
     * Times map() only, after the constructor has started the workers, so that the JVMs' start-up (slow and
     * variable on a busy machine) does not count. Five one-second tasks on four workers take two seconds plus a
     * little; one after another they take at least five.
     */
    @Test
    void fiveTasksOnFourWorkersTakeAboutTwoSeconds() throws Exception {
        try (ProcessPool pool = new ProcessPool(4)) {
            long workers = ProcessHandle.current().children().count();
            assertEquals(4, workers, "new ProcessPool(4) should start four worker processes");

            long start = System.nanoTime();
            List<Integer> answers = pool.map(List.of(1, 2, 3, 4, 5));
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertEquals(List.of(1, 4, 9, 16, 25), answers, "map must return the answers in task order");
            assertTrue(millis >= 1800, "map took only " + millis + " ms; five one-second tasks on four workers need about 2 s");
            assertTrue(millis <= 4000, "map took " + millis + " ms; with all four workers busy at once it takes about 2 s"
                    + " (one task after another takes 5 s)");
        }
    }

    /**
     * The answers must come from the workers: once the test has killed every worker of a pool, map() cannot have
     * any (with WorkerProcess, receive() finds the worker's output closed and throws).
     */
    @Test
    void answersComeFromTheWorkerProcesses() throws Exception {
        try (ProcessPool pool = new ProcessPool(2)) {
            List<ProcessHandle> workers = ProcessHandle.current().children().toList();
            assertEquals(2, workers.size(), "new ProcessPool(2) should start two worker processes");
            for (ProcessHandle worker : workers) {
                worker.destroyForcibly();
            }
            for (ProcessHandle worker : workers) {
                worker.onExit().get(10, TimeUnit.SECONDS);
            }
            ExecutorService caller = Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, "caller");
                thread.setDaemon(true);
                return thread;
            });
            try {
                Future<List<Integer>> call = caller.submit(() -> pool.map(List.of(6, 7, 8)));
                List<Integer> answers = call.get(10, TimeUnit.SECONDS);
                fail("map returned " + answers + " although the test had killed every worker process: the answers"
                        + " must come from the workers, not from the parent");
            } catch (ExecutionException | TimeoutException expected) {
                // no worker, no answer: a worker that has gone cannot answer its task
            } finally {
                caller.shutdownNow();
            }
        }
    }
}
