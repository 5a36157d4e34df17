import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class RunAllTest {

    @Test
    void runsEveryTaskOnce() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tasks.add(runs::incrementAndGet);
        }
        Main.runAll(tasks);
        assertEquals(6, runs.get(), "six tasks were given, each must run exactly once");
    }

    @Test
    void returnsOnlyWhenEveryTaskHasFinished() throws InterruptedException {
        AtomicIntegerArray done = new AtomicIntegerArray(4);
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int index = i;
            tasks.add(() -> {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                done.set(index, 1);
            });
        }
        Main.runAll(tasks);
        for (int i = 0; i < 4; i++) {
            assertEquals(1, done.get(i), "runAll returned before task " + (i + 1) + " had finished");
        }
    }

    @Test
    void runsTaskNOnThreadWorkerN() throws InterruptedException {
        String[] names = new String[3];
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            int index = i;
            tasks.add(() -> names[index] = Thread.currentThread().getName());
        }
        Main.runAll(tasks);
        assertArrayEquals(new String[] {"worker-1", "worker-2", "worker-3"}, names,
                "task 1 must run on a thread named worker-1, task 2 on worker-2, task 3 on worker-3");
    }

    @Test
    void runsAllTasksAtTheSameTime() throws InterruptedException {
        int count = 4;
        // Every task waits here until all four have arrived. Tasks run one after another never all arrive.
        CyclicBarrier allStarted = new CyclicBarrier(count);
        AtomicInteger metTheOthers = new AtomicInteger();
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tasks.add(() -> {
                try {
                    allStarted.await(3, TimeUnit.SECONDS);
                    metTheOthers.incrementAndGet();
                } catch (Exception e) {
                    // timed out or broken: the tasks were not all running at the same time
                }
            });
        }
        Main.runAll(tasks);
        assertTrue(metTheOthers.get() == count, "the four tasks were not all running at the same time: "
                + metTheOthers.get() + " of 4 met the others within 3 s");
    }
}
