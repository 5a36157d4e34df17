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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Virtual threads appear as themselves: a lane each, running on their carrier's CPU while mounted, sleeping or
 * parked while unmounted, pinned when they wait without leaving the carrier (JDK 21 pins a virtual thread that
 * sleeps inside {@code synchronized}, JDK 25 does not). And tracing leaves the Java thread ids the program sees as
 * they are.
 */
@QuarkusTest
class VirtualThreadsTraceTest {

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
    void fourVirtualThreadsSleepingAreShownAsVirtualThreadsWithTheirCarriers() throws Exception {
        Trace trace = Trace.ofFinishedRun("""
                public class Main {
                    public static void main(String[] args) throws Exception {
                        Thread[] sleepers = new Thread[4];
                        for (int i = 0; i < 4; i++) {
                            sleepers[i] = Thread.ofVirtual().name("sleeper-" + i).start(() -> {
                                try { Thread.sleep(300); } catch (InterruptedException e) { }
                                long end = System.nanoTime() + 50_000_000L;
                                while (System.nanoTime() < end) { }
                            });
                        }
                        for (Thread sleeper : sleepers) { sleeper.join(); }
                    }
                }
                """);
        for (int i = 0; i < 4; i++) {
            String name = "sleeper-" + i;
            long tid = trace.tid(name);
            assertTrue(tid < 0, "a virtual thread has no OS thread: " + tid);
            JsonNode description = description(trace, tid);
            assertTrue(description.path("virtual").asBoolean(), description.toString());
            assertTrue(description.path("javaId").asLong() > 0, description.toString());
            List<JsonNode> sleeping = trace.states(tid, "sleeping");
            assertTrue(sleeping.stream().anyMatch(s -> s.path("on").asText().equals("sleep")
                    && s.path("javaState").asText().equals("TIMED_WAITING") && !s.has("carrierTid")),
                    name + " sleeps unmounted: " + events(trace, tid));
            long slept = trace.intervals(tid, "sleeping").stream().mapToLong(s -> s[1] - s[0]).sum();
            assertTrue(slept > 200_000, name + " slept for only " + slept + " us: " + events(trace, tid));
            List<JsonNode> running = trace.states(tid, "running");
            assertFalse(running.isEmpty(), name + " ran: " + events(trace, tid));
            for (JsonNode state : running) {
                long carrier = state.path("carrierTid").asLong();
                assertTrue(trace.name(carrier).startsWith("ForkJoinPool-1-worker-"), state + " on " + trace.name(carrier));
                assertTrue(state.has("cpu"), "running on its carrier's CPU: " + state);
                assertTrue(trace.events.stream().anyMatch(e -> e.path("kind").asText().equals("state")
                        && e.path("tid").asLong() == carrier && e.path("mounted").asLong() == tid),
                        "the carrier's lane names " + name + " while it runs it");
            }
        }
        assertTrue(trace.events.stream().anyMatch(e -> e.path("kind").asText().equals("virtual-threads")
                && e.path("virtualThreads").path("live").asInt() == 4), "the virtual threads are counted");
    }

    /**
     * The virtual-threads lesson's example, run after run: the tracer takes over from the native agent only when the
     * first carrier starts, and its first look at the virtual threads (a cold walk of a parked thread's stack) took
     * long enough that the 100 ms sleepers were over before it read them, in about one run in fifteen.
     */
    @Test
    void theLessonsShortSleepersAreDrawnAsleepRunAfterRun() throws Exception {
        String source = """
                import java.util.ArrayList;
                import java.util.List;

                public class Main {
                    public static void main(String[] args) throws Exception {
                        List<Thread> sleepers = new ArrayList<>();
                        for (int i = 1; i <= 3; i++) {
                            sleepers.add(Thread.ofVirtual().name("v" + i).start(() -> {
                                System.out.println("before sleep: " + Thread.currentThread());
                                try { Thread.sleep(100); } catch (InterruptedException e) { }
                                System.out.println("after sleep: " + Thread.currentThread());
                            }));
                        }
                        for (Thread sleeper : sleepers) { sleeper.join(); }
                    }
                }
                """;
        for (int run = 1; run <= 8; run++) {
            Trace trace = Trace.ofFinishedRun(source);
            for (String name : List.of("v1", "v2", "v3")) {
                long tid = trace.tid(name);
                assertTrue(trace.states(tid, "sleeping").stream().anyMatch(s -> s.path("on").asText().equals("sleep")),
                        "run " + run + ": " + name + " is drawn asleep: " + events(trace, tid));
            }
        }
    }

    /** JDK 21 pins a virtual thread that sleeps inside {@code synchronized}; JDK 24 stopped that (JEP 491). */
    private static final String SLEEP_INSIDE_SYNCHRONIZED = """
            public class Main {
                static final Object LOCK = new Object();
                public static void main(String[] args) throws Exception {
                    Thread pinned = Thread.ofVirtual().name("pinned").start(() -> {
                        synchronized (LOCK) {
                            try { Thread.sleep(300); } catch (InterruptedException e) { }
                        }
                    });
                    pinned.join();
                }
            }
            """;

    @Test
    void onJdk21AVirtualThreadSleepingInsideSynchronizedIsPinnedToItsCarrier() throws Exception {
        Trace trace = Trace.ofFinishedRun(SLEEP_INSIDE_SYNCHRONIZED, 21);
        long tid = trace.tid("pinned");
        List<JsonNode> sleeping = trace.states(tid, "sleeping");
        assertTrue(sleeping.stream().anyMatch(s -> s.path("pinned").asBoolean() && s.path("on").asText().equals("sleep")
                && trace.name(s.path("carrierTid").asLong()).startsWith("ForkJoinPool-1-worker-")),
                "asleep without leaving its carrier: " + events(trace, tid));
        long pinnedMicros = trace.intervals(tid, "sleeping").stream().mapToLong(s -> s[1] - s[0]).sum();
        assertTrue(pinnedMicros > 200_000, "pinned for only " + pinnedMicros + " us: " + events(trace, tid));
    }

    @Test
    void onJdk25TheSameVirtualThreadSleepsUnmounted() throws Exception {
        Trace trace = Trace.ofFinishedRun(SLEEP_INSIDE_SYNCHRONIZED, 25);
        long tid = trace.tid("pinned");
        List<JsonNode> sleeping = trace.states(tid, "sleeping");
        assertTrue(sleeping.stream().noneMatch(s -> s.path("pinned").asBoolean()), "never pinned: " + events(trace, tid));
        long unmountedMicros = trace.intervals(tid, "sleeping").stream().mapToLong(s -> s[1] - s[0]).sum();
        assertTrue(sleeping.stream().anyMatch(s -> s.path("on").asText().equals("sleep") && !s.has("carrierTid")),
                "asleep off its carrier: " + events(trace, tid));
        assertTrue(unmountedMicros > 200_000, "asleep for only " + unmountedMicros + " us: " + events(trace, tid));
    }

    /**
     * JDK 25 unmounts a virtual thread that waits to enter a monitor or waits in {@code Object.wait()}, in states JDK 21
     * does not have: its lane says blocked and waiting. (While mounted, a lane may still read "unknown" for a moment
     * when its carrier is off the CPU, as on JDK 21.)
     */
    @Test
    void onJdk25AVirtualThreadBlockedOnAMonitorOrWaitingIsShownSo() throws Exception {
        Trace trace = Trace.ofFinishedRun("""
                public class Main {
                    static final Object LOCK = new Object();
                    public static void main(String[] args) throws Exception {
                        Thread blocked;
                        synchronized (LOCK) {
                            blocked = Thread.ofVirtual().name("blocked").start(() -> { synchronized (LOCK) { } });
                            Thread.sleep(400);
                        }
                        blocked.join();
                        Thread waiter = Thread.ofVirtual().name("waiter").start(() -> {
                            synchronized (LOCK) {
                                try { LOCK.wait(400); } catch (InterruptedException e) { }
                            }
                        });
                        waiter.join();
                    }
                }
                """, 25);
        long blocked = trace.tid("blocked");
        assertTrue(trace.states(blocked, "blocked").stream().anyMatch(s -> s.path("javaState").asText().equals("BLOCKED")
                && !s.path("pinned").asBoolean()), "blocked on the monitor, off its carrier: " + events(trace, blocked));
        long waitedMicros = trace.intervals(blocked, "blocked").stream().mapToLong(s -> s[1] - s[0]).sum();
        assertTrue(waitedMicros > 250_000, "blocked for only " + waitedMicros + " us: " + events(trace, blocked));
        long waiter = trace.tid("waiter");
        assertTrue(trace.states(waiter, "waiting").stream().anyMatch(s -> s.path("on").asText().equals("wait")
                && s.path("javaState").asText().equals("TIMED_WAITING") && !s.has("carrierTid")),
                "waiting in Object.wait, off its carrier: " + events(trace, waiter));
    }

    /**
     * On JDK 21. On JDK 25 every id is one higher when traced: its start-up takes one more id with the program archive
     * that short-lived virtual threads need (see the launcher's TracedJvm).
     */
    @Test
    void tracingLeavesTheJavaThreadIdsAsTheyAre() throws Exception {
        String source = """
                public class Main {
                    public static void main(String[] args) throws Exception {
                        Thread worker = new Thread(() -> { });
                        worker.start();
                        worker.join();
                        System.out.println(Thread.currentThread().getId() + " " + worker.getId()
                                + " " + Thread.ofVirtual().start(() -> { }).threadId());
                    }
                }
                """;
        Map<String, Object> tracedRequest = program(source);
        tracedRequest.put("jdk", 21);
        Map<String, Object> traced = awaitEnd(submit(tracedRequest));
        Map<String, Object> untracedRequest = program(source);
        untracedRequest.put("trace", false);
        untracedRequest.put("jdk", 21);
        Map<String, Object> untraced = awaitEnd(submit(untracedRequest));
        assertEquals("FINISHED", traced.get("status"), traced.toString());
        assertEquals("FINISHED", untraced.get("status"), untraced.toString());
        assertEquals(untraced.get("stdout"), traced.get("stdout"));
    }

    /**
     * The program archive is what lets the Java tracer take over early enough for short-lived virtual threads. HotSpot
     * refuses an archive silently under {@code -Xshare:auto} (it did, for every run, while the archive's class path
     * named the program's folder), so this asks the traced JVM itself whether the archive is mapped.
     */
    @Test
    void aTracedProgramStartsFromTheImagesArchiveOnBothJdks() {
        for (int jdk : List.of(21, 25)) {
            Map<String, Object> request = program("""
                    import java.nio.file.*;
                    public class Main {
                        public static void main(String[] args) throws Exception {
                            System.out.println(Files.readString(Path.of("/proc/self/maps")).contains("/opt/sandbox/program-"));
                        }
                    }
                    """);
            request.put("jdk", jdk);
            Map<String, Object> result = awaitEnd(submit(request));
            assertEquals("FINISHED", result.get("status"), result.toString());
            assertEquals("true", String.valueOf(result.get("stdout")).strip(), "JDK " + jdk + ": " + result);
        }
    }

    private static JsonNode description(Trace trace, long tid) {
        return trace.events.stream().filter(e -> e.path("kind").asText().equals("thread") && e.path("tid").asLong() == tid)
                .reduce((first, last) -> last).orElseThrow();
    }

    private static List<JsonNode> events(Trace trace, long tid) {
        return trace.events.stream().filter(e -> e.path("tid").asLong() == tid).toList();
    }
}
