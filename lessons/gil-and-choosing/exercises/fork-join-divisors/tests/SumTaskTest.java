import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.IntToLongFunction;
import org.junit.jupiter.api.Test;

class SumTaskTest {
    static final int SIZE = 100_000;   // far more than SumTask.THRESHOLD: a correct task splits it many times

    @Test
    void addsUpEveryNumberExactlyOnce() {
        int[][] ranges = {{0, 0}, {7, 8}, {0, 1_000}, {0, 1_001}, {3, 54_321}};
        for (int[] range : ranges) {
            int from = range[0];
            int to = range[1];
            AtomicIntegerArray calls = new AtomicIntegerArray(to);
            long sum = Main.sum(from, to, i -> {
                calls.incrementAndGet(i);
                return 3L * i + 1;
            });
            for (int i = from; i < to; i++) {
                assertEquals(1, calls.get(i), "sum(" + from + ", " + to + "): f(" + i + ") must be called exactly once");
            }
            long expected = 0;
            for (int i = from; i < to; i++) {
                expected += 3L * i + 1;
            }
            assertEquals(expected, sum, "sum(" + from + ", " + to + ") with f(i) = 3i + 1");
        }
    }

    @Test
    void bothEndsAreAddedUpAtTheSameTime() {
        Meeting meeting = new Meeting();
        long sum = Main.sum(0, SIZE, meeting);
        assertEquals(2, sum, "f(0) and f(" + (SIZE - 1) + ") were not computed at the same time: "
                + "the range was not split, or its halves were not worked on by two threads at once");
    }

    @Test
    void aForkJoinWorkerTakesPart() {
        Meeting meeting = new Meeting();
        Main.sum(0, SIZE, meeting);
        assertTrue(meeting.threads.keySet().stream().anyMatch(t -> t instanceof ForkJoinWorkerThread),
                "neither end of the range was computed by a ForkJoinPool worker thread; threads seen: "
                        + meeting.threads.keySet());
    }

    /**
     * f(i) is 0, but f(first) and f(last) wait for each other for up to 10 s and are 1 only if they meet: computed
     * one after the other, they never do. The wait goes through ForkJoinPool.managedBlock, which tells the pool that
     * a worker is about to block, so that the pool can start a spare worker for the work still queued. Also records
     * which threads computed the two ends.
     */
    static final class Meeting implements IntToLongFunction {
        final CyclicBarrier ends = new CyclicBarrier(2);
        final ConcurrentHashMap<Thread, Boolean> threads = new ConcurrentHashMap<>();

        @Override
        public long applyAsLong(int i) {
            if (i != 0 && i != SIZE - 1) {
                return 0;
            }
            threads.put(Thread.currentThread(), true);
            Wait wait = new Wait();
            try {
                ForkJoinPool.managedBlock(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            }
            return wait.met ? 1 : 0;
        }

        private final class Wait implements ForkJoinPool.ManagedBlocker {
            boolean done;
            boolean met;

            @Override
            public boolean block() throws InterruptedException {
                try {
                    ends.await(10, TimeUnit.SECONDS);
                    met = true;
                } catch (BrokenBarrierException | TimeoutException e) {
                    met = false;
                }
                done = true;
                return true;
            }

            @Override
            public boolean isReleasable() {
                return done;
            }
        }
    }
}
