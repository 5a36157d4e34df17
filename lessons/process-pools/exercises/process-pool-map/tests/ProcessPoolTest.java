import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
}
