import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class SumInParallelTest {

    @Test
    void addsUpEveryPartExactlyOnce() throws Exception {
        AtomicIntegerArray calls = new AtomicIntegerArray(5);
        long sum = Main.sumInParallel(5, p -> {
            calls.incrementAndGet(p);
            return (p + 1) * 10L;
        });
        for (int p = 0; p < 5; p++) {
            assertEquals(1, calls.get(p), "the part with index " + p + " must be computed exactly once");
        }
        assertEquals(150, sum, "10 + 20 + 30 + 40 + 50");
    }

    @Test
    void computesThePartsOnOtherThreads() throws Exception {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        Main.sumInParallel(6, p -> {
            threads.add(Thread.currentThread());
            return p;
        });
        threads.remove(Thread.currentThread());
        assertTrue(!threads.isEmpty(), "every part was computed by the calling thread itself");
    }

    @Test
    void computesTwoPartsAtTheSameTime() throws Exception {
        // Each part waits here until the other one has arrived: computed one after the other, they never meet.
        CyclicBarrier bothRunning = new CyclicBarrier(2);
        long sum = Main.sumInParallel(2, p -> {
            try {
                bothRunning.await(3, TimeUnit.SECONDS);
                return 1;
            } catch (Exception e) {
                return 0;
            }
        });
        assertEquals(2, sum, "the two parts were not being computed at the same time");
    }
}
