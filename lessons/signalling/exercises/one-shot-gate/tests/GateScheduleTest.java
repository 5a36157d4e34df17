import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Schedule checks for Gate. Each test runs under a controlled scheduler that chooses, at every lock, wait, notify,
 * volatile access and thread start, which thread goes next, and tries a thousand different orders (always the same
 * thousand). A schedule that leaves every thread waiting is reported as a deadlock; no test here needs a time limit.
 */
class GateScheduleTest {

    /**
     * One thread waits while another opens. If the waiter checks the flag and only then takes the monitor to wait,
     * open() can run in between: its notifyAll() finds nobody waiting, and the waiter then waits forever.
     */
    @Test
    void aWaiterIsNeverLeftBehind() throws InterruptedException {
        Gate gate = new Gate();
        List<String> through = Collections.synchronizedList(new ArrayList<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = List.of(
                worker("waiter", failures, () -> {
                    gate.await();
                    through.add("waiter");
                }),
                worker("opener", failures, gate::open));
        startAndJoin(threads);
        assertEquals(List.of(), failures, "exceptions thrown in the waiting and opening threads");
        assertEquals(List.of("waiter"), through, "the threads that got through the gate");
    }

    /**
     * Two threads wait while a third opens. Every waiter must get through, and none before open() was called. (Under
     * the controlled scheduler one notify() can let both waiters go on, so notify() instead of notifyAll() is caught
     * by the program checks, not here.)
     */
    @Test
    void openingLetsEveryWaiterThrough() throws InterruptedException {
        Gate gate = new Gate();
        AtomicBoolean opening = new AtomicBoolean();   // set just before open(): nobody may get through earlier
        List<String> through = Collections.synchronizedList(new ArrayList<>());
        List<String> early = Collections.synchronizedList(new ArrayList<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (String name : List.of("waiter-1", "waiter-2")) {
            threads.add(worker(name, failures, () -> {
                gate.await();
                if (!opening.get()) {
                    early.add(name);
                }
                through.add(name);
            }));
        }
        threads.add(worker("opener", failures, () -> {
            opening.set(true);
            gate.open();
        }));
        startAndJoin(threads);
        assertEquals(List.of(), failures, "exceptions thrown in the waiting and opening threads");
        assertEquals(List.of(), early, "threads whose await() returned before any thread had called open()");
        assertEquals(2, through.size(), "how many of the two waiting threads got through the gate");
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
