import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Schedule checks for Shelf. Each test runs under a controlled scheduler that chooses, at every lock, wait, notify and
 * thread start, which thread goes next, and tries a thousand different orders (always the same thousand).
 *
 * <p>No schedule check here for notify() waking the wrong kind of thread: under the scheduler one notify() can let more
 * than one waiting thread go on, so the lost wake-up it causes is no deadlock there. The repeated JUnit check
 * wakeUpReachesTheRightKind catches it.
 */
class ShelfScheduleTest {

    /**
     * Two consumers wait on an empty shelf; a producer then puts two items, one at a time. A consumer that was woken
     * but looks at the shelf only before waiting (if instead of while) can find it emptied by the other consumer.
     */
    @Test
    void aWokenConsumerLooksAgainBeforeTaking() throws InterruptedException {
        Shelf<Integer> shelf = new Shelf<>(1);
        List<Integer> taken = Collections.synchronizedList(new ArrayList<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int c = 1; c <= 2; c++) {
            threads.add(worker("consumer-" + c, failures, () -> taken.add(shelf.take())));
        }
        threads.add(worker("producer", failures, () -> {
            shelf.put(1);
            shelf.put(2);
        }));
        startAndJoin(threads);
        assertEquals(List.of(), failures, "exceptions thrown in the producer and consumers");
        assertEquals(2, taken.size(), "items the consumers took");
        assertEquals(false, taken.contains(null), "take() returned null: " + taken);
    }

    private interface Work {
        void run() throws Exception;
    }

    private static Thread worker(String name, List<String> failures, Work work) {
        return new Thread(() -> {
            try {
                work.run();
            } catch (Throwable e) {
                failures.add(name + ": " + e);
            }
        }, name);
    }

    private static void startAndJoin(List<Thread> threads) throws InterruptedException {
        for (Thread thread : threads) {
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
