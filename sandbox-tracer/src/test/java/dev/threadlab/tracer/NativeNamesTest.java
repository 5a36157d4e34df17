package dev.threadlab.tracer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class NativeNamesTest {

    @Test
    void namesLongerThanTheKernelKeepsAreCutAtFifteenBytes() {
        assertEquals("pool-1-thread-1", NativeNames.key("pool-1-thread-12"));
        assertEquals("java", NativeNames.key("main"));
        assertEquals("worker", NativeNames.key("worker"));
        // 工 is three UTF-8 bytes: the kernel cuts inside the fifth character.
        assertEquals(15, NativeNames.key("工人工人工人").length());
    }

    @Test
    void sameNamesArePairedInCreationOrderAndAmbiguityWaits() {
        List<NativeNames.JavaThread> unpaired = List.of(new NativeNames.JavaThread(31, "ForkJoinPool-1-worker-2"),
                new NativeNames.JavaThread(30, "ForkJoinPool-1-worker-1"), new NativeNames.JavaThread(1, "main"),
                new NativeNames.JavaThread(40, "renamed-by-another"), new NativeNames.JavaThread(41, "twin"),
                new NativeNames.JavaThread(42, "twin"));
        Map<Long, String> tasks = Map.of(100L, "java", 101L, "java", 120L, "ForkJoinPool-1-", 121L, "ForkJoinPool-1-",
                130L, "Thread-7", 140L, "twin", 150L, "GC Thread#0");
        Map<Long, Long> paired = NativeNames.pair(unpaired, tasks, Set.of(), 100);
        assertEquals(Map.of(1L, 101L, 30L, 120L, 31L, 121L), paired,
                "the process's first thread is not main; two Java 'twin's and one OS 'twin' wait");
        assertEquals(Map.of(30L, 121L), NativeNames.pair(List.of(new NativeNames.JavaThread(30, "ForkJoinPool-1-worker-1")),
                tasks, Set.of(120L), 100), "a tid already taken is skipped");
    }

    @Test
    void everyThreadOfThisJvmIsPairedWithItsOwnOsThread() throws Exception {
        Map<Long, Long> truth = new ConcurrentHashMap<>();
        CountDownLatch started = new CountDownLatch(12);
        CountDownLatch done = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            // Twelve threads whose first 15 bytes are the same, and one with a name of its own.
            Thread thread = new Thread(() -> {
                truth.put(Thread.currentThread().getId(), ownTid());
                started.countDown();
                try {
                    done.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, i == 11 ? "single-名字名字" : "ForkJoinPool-9-worker-" + i);
            threads.add(thread);
            thread.start();
        }
        started.await();
        try {
            List<NativeNames.JavaThread> unpaired = threads.stream()
                    .map(t -> new NativeNames.JavaThread(t.getId(), t.getName())).toList();
            long start = System.nanoTime();
            Map<Long, String> tasks = NativeNames.ownTasks(Set.of());
            Map<Long, Long> paired = NativeNames.pair(unpaired, tasks, Set.of(), ProcessHandle.current().pid());
            long micros = (System.nanoTime() - start) / 1000;
            assertEquals(truth, paired, "names read in " + micros + " µs from " + tasks.size() + " threads");
            System.out.println("NativeNames: " + tasks.size() + " threads named and paired in " + micros + " µs");
            assertTrue(tasks.size() > 12);
        } finally {
            done.countDown();
        }
    }

    private static long ownTid() {
        try {
            String self = Files.readSymbolicLink(Path.of("/proc/thread-self")).toString();
            return Long.parseLong(self.substring(self.lastIndexOf('/') + 1));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
