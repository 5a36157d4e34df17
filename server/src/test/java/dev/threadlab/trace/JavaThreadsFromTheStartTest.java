package dev.threadlab.trace;

import static dev.threadlab.run.RunApi.awaitEnd;
import static dev.threadlab.run.RunApi.program;
import static dev.threadlab.run.RunApi.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threadlab.sandbox.CompileService;
import dev.threadlab.sandbox.SandboxImage;
import dev.threadlab.sandbox.SandboxReady;
import dev.threadlab.sandbox.WarmPool;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Short programs, as learners write them, get their Java threads' names and states in the trace: the tracer pairs Java
 * threads with OS threads by the names HotSpot gives them, in its first sample, instead of waiting for a thread dump
 * (which arrived a median of 198 ms after start-up, after many programs had ended). A thread whose JVM has not said yet
 * why it is off the CPU is drawn as unknown, never as sleeping.
 */
@QuarkusTest
class JavaThreadsFromTheStartTest {

    @Inject
    SandboxImage image;

    @Inject
    WarmPool pool;

    @Inject
    CompileService compiler;

    @BeforeEach
    void sandboxIsReadyAndAtRest() throws InterruptedException {
        SandboxReady.awaitAtRest(image, pool, compiler);
    }

    @Test
    void aHundredMillisecondProgramsMainIsNamedMain() throws Exception {
        Trace trace = Trace.ofFinishedRun("""
                public class Main {
                    public static void main(String[] args) {
                        long end = System.nanoTime() + 100_000_000L;
                        long spins = 0;
                        while (System.nanoTime() < end) { spins++; }
                        System.out.println(spins > 0);
                    }
                }
                """);
        long main = trace.tid("main");
        assertTrue(trace.events.stream().anyMatch(e -> e.path("kind").asText().equals("state")
                && e.path("tid").asLong() == main && e.path("javaState").asText().equals("RUNNABLE")),
                "main's Java state is in the trace");
        assertNoGuessedSleep(trace);
    }

    @Test
    void threeThreadsWaitingOnALatchForAHundredAndFiftyMillisecondsAreWaiting() throws Exception {
        Trace trace = Trace.ofFinishedRun("""
                import java.util.concurrent.CountDownLatch;

                public class Main {
                    public static void main(String[] args) throws Exception {
                        CountDownLatch go = new CountDownLatch(1);
                        Thread[] waiters = new Thread[3];
                        for (int i = 0; i < 3; i++) {
                            waiters[i] = new Thread(() -> {
                                try { go.await(); } catch (InterruptedException e) { }
                            }, "waiter-" + i);
                            waiters[i].start();
                        }
                        Thread.sleep(150);
                        go.countDown();
                        for (Thread waiter : waiters) { waiter.join(); }
                    }
                }
                """);
        for (int i = 0; i < 3; i++) {
            long waiter = trace.tid("waiter-" + i);
            List<JsonNode> waiting = trace.states(waiter, "waiting");
            assertTrue(waiting.stream().anyMatch(s -> s.path("javaState").asText().equals("WAITING")
                    && s.path("on").asText().equals("park")
                    && s.path("lock").asText().contains("CountDownLatch")), "waiter-" + i + ": " + waiting);
            long micros = trace.intervals(waiter, "waiting").stream().mapToLong(w -> w[1] - w[0]).sum();
            // Of the 150 ms, a loaded machine may take tens of milliseconds to start each waiter.
            assertTrue(micros > 50_000, "waiter-" + i + " waited for only " + micros + " us in the trace: "
                    + trace.events.stream().filter(e -> e.path("tid").asLong() == waiter).toList());
            assertEquals(List.of(), trace.states(waiter, "sleeping"), "waiter-" + i + " never slept");
        }
        assertNoGuessedSleep(trace);
    }

    @Test
    void aMonitorWaitOfAQuarterSecondNamesTheHolderAndIsNeverAGuessedSleep() throws Exception {
        Trace trace = Trace.ofFinishedRun("""
                import java.util.concurrent.CountDownLatch;

                public class Main {
                    static final Object LOCK = new Object();
                    public static void main(String[] args) throws Exception {
                        CountDownLatch held = new CountDownLatch(1);
                        Thread holder = new Thread(() -> {
                            synchronized (LOCK) {
                                held.countDown();
                                try { Thread.sleep(250); } catch (InterruptedException e) { }
                            }
                        }, "holder");
                        holder.start();
                        held.await();
                        Thread waiter = new Thread(() -> { synchronized (LOCK) { } }, "waiter");
                        waiter.start();
                        holder.join();
                        waiter.join();
                    }
                }
                """);
        long holder = trace.tid("holder");
        long waiter = trace.tid("waiter");
        List<JsonNode> blocked = trace.states(waiter, "blocked");
        assertFalse(blocked.isEmpty(), "the waiter is blocked on the monitor");
        for (JsonNode state : blocked) {
            assertEquals("BLOCKED", state.path("javaState").asText(), state.toString());
            assertEquals(holder, state.path("ownerTid").asLong(), state.toString());
            assertEquals("holder", state.path("owner").asText(), state.toString());
        }
        long micros = trace.intervals(waiter, "blocked").stream().mapToLong(b -> b[1] - b[0]).sum();
        // About 250 ms, less the time the waiter takes to start on a busy machine.
        assertTrue(micros > 150_000, "blocked for only " + micros + " us in the trace: " + trace.events.stream()
                .filter(e -> e.path("tid").asLong() == waiter).toList());
        assertNoGuessedSleep(trace);
    }

    @Test
    void aThreeThreadDeadlockNamesTheWholeCycle() throws Exception {
        String id = submit(program("""
                public class Main {
                    public static void main(String[] args) throws Exception {
                        Object[] forks = { new Object(), new Object(), new Object() };
                        String[] names = { "philosopher-aristotle", "philosopher-confucius", "philosopher-hypatia" };
                        Thread[] philosophers = new Thread[3];
                        for (int i = 0; i < 3; i++) {
                            Object left = forks[i];
                            Object right = forks[(i + 1) % 3];
                            philosophers[i] = new Thread(() -> {
                                synchronized (left) { pause(); synchronized (right) { } }
                            }, names[i]);
                            philosophers[i].start();
                        }
                        for (Thread p : philosophers) { p.join(); }
                    }
                    static void pause() {
                        try { Thread.sleep(100); } catch (InterruptedException e) { }
                    }
                }
                """));
        Map<String, Object> result = awaitEnd(id);
        assertEquals("DEADLOCK", result.get("status"), result.toString());
        String message = (String) result.get("message");
        for (String name : List.of("aristotle", "confucius", "hypatia")) {
            assertTrue(message.contains("\"philosopher-" + name + "\" waits for"), message);
            assertTrue(message.contains("held by \"philosopher-" + name + "\""), message);
        }
        assertEquals(3, message.split(" and holds ").length - 1, "every thread's held lock is named: " + message);
        assertFalse(message.contains("…"), "the message is not cut: " + message);
        assertTrue(message.length() > 200, "a message longer than the old 200-character cap: " + message.length());
        assertTrue(result.get("args").toString().contains("philosopher-hypatia"), "the page can say the cycle: " + result);
    }

    @Test
    void garbageCollectionPausesArePausesNotIo() throws Exception {
        Trace trace = Trace.ofFinishedRun("""
                import java.util.ArrayList;
                import java.util.List;
                import java.util.Random;

                public class Main {
                    public static void main(String[] args) {
                        // 120 MB kept alive and churned: every collection copies or compacts a lot.
                        List<byte[]> kept = new ArrayList<>();
                        for (int i = 0; i < 120; i++) { kept.add(new byte[1 << 20]); }
                        Random random = new Random(1);
                        long end = System.nanoTime() + 1_500_000_000L;
                        while (System.nanoTime() < end) {
                            kept.set(random.nextInt(kept.size()), new byte[1 << 20]);
                        }
                        System.out.println(kept.size());
                    }
                }
                """);
        long main = trace.tid("main");
        long paused = trace.intervals(main, "paused").stream().mapToLong(p -> p[1] - p[0]).sum();
        long io = trace.intervals(main, "io").stream().mapToLong(p -> p[1] - p[0]).sum();
        assertTrue(paused > 10_000, "main was paused for only " + paused + " us; io " + io + " us");
        assertTrue(io < paused / 4, "pauses drawn as I/O: " + io + " us of io against " + paused + " us paused");
        for (JsonNode state : trace.states(main, "paused")) {
            assertEquals("gc", state.path("on").asText(), state.toString());
            assertFalse(state.path("cause").asText().isEmpty(), "names the collector: " + state);
        }
    }

    @Test
    void threadsStoppedAtOtherSafepointsArePausedOnTheSafepointNotIo() throws Exception {
        Trace trace = Trace.ofFinishedRun("""
                public class Main {
                    static volatile boolean stop;

                    static long spin(int depth) {
                        if (depth > 0) { return spin(depth - 1) + 1; }
                        long x = 0;
                        while (!stop) { x++; }
                        return x;
                    }

                    public static void main(String[] args) throws Exception {
                        Thread[] spinners = new Thread[3];
                        for (int i = 0; i < spinners.length; i++) {
                            spinners[i] = new Thread(() -> spin(300), "spinner-" + i);
                            spinners[i].start();
                        }
                        // Every stack trace of all threads is taken at a safepoint: the spinners stand still meanwhile.
                        long end = System.nanoTime() + 1_200_000_000L;
                        int dumps = 0;
                        while (System.nanoTime() < end) { Thread.getAllStackTraces(); dumps++; }
                        stop = true;
                        for (Thread t : spinners) { t.join(); }
                        System.out.println(dumps > 0);
                    }
                }
                """);
        long paused = 0;
        long atSafepoints = 0;
        long io = 0;
        for (int i = 0; i < 3; i++) {
            long spinner = trace.tid("spinner-" + i);
            paused += trace.intervals(spinner, "paused").stream().mapToLong(p -> p[1] - p[0]).sum();
            io += trace.intervals(spinner, "io").stream().mapToLong(p -> p[1] - p[0]).sum();
            for (JsonNode state : trace.states(spinner, "paused")) {
                // The dumps allocate, so some pauses are collections.
                assertTrue(Set.of("safepoint", "gc").contains(state.path("on").asText()), state.toString());
                assertFalse(state.path("cause").asText().isEmpty(), "names the JVM's operation: " + state);
                if (state.path("on").asText().equals("safepoint")) {
                    atSafepoints++;
                }
            }
        }
        assertTrue(atSafepoints > 0, "no pause at a safepoint other than a collection: " + trace.events);
        assertTrue(paused > 5_000, "the spinners were paused for only " + paused + " us; io " + io + " us");
        assertTrue(io < paused / 4, "safepoints drawn as I/O: " + io + " us of io against " + paused + " us paused");
    }

    /** A thread of the program is never drawn as sleeping unless Java said it sleeps (the JVM's own are left out). */
    private static void assertNoGuessedSleep(Trace trace) {
        // Whether each thread is the JVM's own, by its last description (a new thread is first seen under its
        // creator's OS name).
        Map<Long, Boolean> system = new java.util.HashMap<>();
        trace.events.stream().filter(e -> e.path("kind").asText().equals("thread"))
                .forEach(e -> system.put(e.path("tid").asLong(), e.path("system").asBoolean()));
        for (JsonNode e : trace.events) {
            if (e.path("kind").asText().equals("state") && e.path("state").asText().equals("sleeping")
                    && !system.getOrDefault(e.path("tid").asLong(), false)) {
                long tid = e.path("tid").asLong();
                assertEquals("sleep", e.path("on").asText(), "a guessed sleep: " + e + " of " + trace.events.stream()
                        .filter(d -> d.path("tid").asLong() == tid && d.path("kind").asText().equals("thread")).toList());
            }
        }
    }

}
