package dev.threadlab.trace;

import static dev.threadlab.run.RunApi.awaitEnd;
import static dev.threadlab.run.RunApi.program;
import static dev.threadlab.run.RunApi.submit;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threadlab.sandbox.ContainerReaper;
import dev.threadlab.sandbox.SandboxImage;
import dev.threadlab.sandbox.SandboxReady;
import dev.threadlab.sandbox.WarmPool;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scheduling traces of real programs in real containers. */
@QuarkusTest
class TraceRecordingTest {

    @Inject
    SandboxImage image;
    @Inject
    ContainerReaper reaper;

    @Inject
    WarmPool pool;

    @BeforeEach
    void sandboxIsReady() throws InterruptedException {
        SandboxReady.await(image);
    }

    @AfterEach
    void noContainerOutlivesItsRun() throws InterruptedException {
        assertEquals(List.of(), SandboxReady.leftoverContainers(reaper, pool));
    }

    @Test
    void contendedMonitorShowsBlockedIntervalsNamingTheOwner() throws Exception {
        Trace trace = Trace.ofFinishedRun("""
                public class Main {
                    static final Object LOCK = new Object();
                    public static void main(String[] args) throws Exception {
                        Runnable work = () -> {
                            for (int i = 0; i < 8; i++) {
                                synchronized (LOCK) {
                                    try { Thread.sleep(40); } catch (InterruptedException e) { return; }
                                }
                            }
                        };
                        Thread a = new Thread(work, "worker-a");
                        Thread b = new Thread(work, "worker-b");
                        a.start(); b.start(); a.join(); b.join();
                    }
                }
                """);
        long a = trace.tid("worker-a");
        long b = trace.tid("worker-b");
        List<JsonNode> blockedA = trace.states(a, "blocked");
        List<JsonNode> blockedB = trace.states(b, "blocked");
        assertFalse(blockedA.isEmpty() && blockedB.isEmpty(), "someone waited for the monitor");
        for (JsonNode blocked : concat(blockedA, blockedB)) {
            long self = blocked.path("tid").asLong();
            long other = self == a ? b : a;
            assertEquals("BLOCKED", blocked.path("javaState").asText(), blocked.toString());
            assertEquals("monitor", blocked.path("on").asText(), blocked.toString());
            assertEquals(other, blocked.path("ownerTid").asLong(), blocked.toString());
            assertEquals(trace.name(other), blocked.path("owner").asText(), blocked.toString());
            assertTrue(blocked.path("lock").asText().startsWith("java.lang.Object@"), blocked.toString());
        }
        long blockedMicros = concat(trace.intervals(a, "blocked"), trace.intervals(b, "blocked")).stream()
                .mapToLong(i -> i[1] - i[0]).sum();
        assertTrue(blockedMicros > 200_000, "the workers waited for each other for only " + blockedMicros + " us");
    }

    @Test
    void twoBusyThreadsRunAtTheSameTimeOnDifferentCpus() throws Exception {
        Trace trace = Trace.ofFinishedRun("""
                public class Main {
                    public static void main(String[] args) throws Exception {
                        Runnable spin = () -> {
                            long end = System.nanoTime() + 1_500_000_000L;
                            long x = 0;
                            while (System.nanoTime() < end) { x++; }
                            if (x == 42) System.out.println(x);
                        };
                        Thread a = new Thread(spin, "busy-a");
                        Thread b = new Thread(spin, "busy-b");
                        a.start(); b.start(); a.join(); b.join();
                    }
                }
                """);
        assertEquals(2, trace.meta().path("cpus").asInt(), "this machine type has two CPUs");
        List<long[]> runningA = trace.intervals(trace.tid("busy-a"), "running");
        List<long[]> runningB = trace.intervals(trace.tid("busy-b"), "running");
        long overlap = 0;
        for (long[] x : runningA) {
            for (long[] y : runningB) {
                if (x[2] != y[2]) {
                    overlap += Math.max(0, Math.min(x[1], y[1]) - Math.max(x[0], y[0]));
                }
            }
        }
        assertTrue(overlap > 300_000, "busy-a and busy-b ran together on different CPUs for only " + overlap + " us");
    }

    @Test
    void childJvmsAreTracedProcessesLinkedToTheirParentAndExportOneProcessPerJvm() throws Exception {
        Trace trace = Trace.ofFinishedRun("""
                import java.util.ArrayList;
                import java.util.List;

                public class Main {
                    public static void main(String[] args) throws Exception {
                        if (args.length > 0) {
                            Thread.sleep(600);
                            System.out.println("child " + args[0]);
                            return;
                        }
                        // The three usual ways to find the java command.
                        List<String> javas = List.of(ProcessHandle.current().info().command().orElse("java"),
                                System.getProperty("java.home") + "/bin/java", "java");
                        List<Process> children = new ArrayList<>();
                        for (int i = 0; i < javas.size(); i++) {
                            children.add(new ProcessBuilder(javas.get(i), "-cp", System.getProperty("java.class.path"), "Main", "" + i)
                                    .inheritIO().start());
                        }
                        for (Process child : children) {
                            child.waitFor();
                        }
                    }
                }
                """);
        Map<Long, JsonNode> processes = trace.processes();
        assertEquals(4, processes.size(), processes.toString());
        long parent = processes.values().stream().filter(p -> !processes.containsKey(p.path("ppid").asLong()))
                .findFirst().orElseThrow().path("pid").asLong();
        List<Long> children = processes.values().stream().filter(p -> p.path("ppid").asLong() == parent)
                .map(p -> p.path("pid").asLong()).toList();
        assertEquals(3, children.size(), "all children name the parent JVM as their parent");
        processes.values().forEach(p -> assertTrue(p.path("command").asText().contains("Main")
                && !p.path("command").asText().contains("ThreadlabMain")
                && !p.path("command").asText().contains("-Xshare"), "the command as the program wrote it: " + p));
        for (long child : children) {
            assertTrue(trace.events.stream().anyMatch(e -> e.path("kind").asText().equals("state")
                    && e.path("pid").asLong() == child && e.path("on").asText().equals("sleep")),
                    "the main thread of JVM " + child + " shows its Java sleep: the JVM loaded the tracer");
        }

        JsonNode exported = trace.chrome();
        Set<Long> exportedProcesses = new HashSet<>();
        for (JsonNode e : exported.path("traceEvents")) {
            if (e.path("ph").asText().equals("M") && e.path("name").asText().equals("process_name")) {
                exportedProcesses.add(e.path("pid").asLong());
            }
        }
        assertEquals(processes.keySet(), exportedProcesses, "one process per JVM in the exported trace");
    }

    @Test
    void uncaughtExceptionOfATracedProgramReadsAsUnderPlainJava() {
        Map<String, Object> result = awaitEnd(submit(program("""
                public class Main {
                    public static void main(String[] args) {
                        throw new IllegalStateException("boom");
                    }
                }
                """)));
        assertEquals(1, result.get("exitCode"), result.toString());
        assertEquals("Exception in thread \"main\" java.lang.IllegalStateException: boom\n\tat Main.main(Main.java:3)\n",
                result.get("stderr"));
    }

    @Test
    void aMainThreadWaitingForTheLastThreadIsWaitingNotDoingIo() throws Exception {
        Trace trace = Trace.ofFinishedRun("""
                public class Main {
                    public static void main(String[] args) throws Exception {
                        Thread late = new Thread(() -> {
                            try { Thread.sleep(800); } catch (InterruptedException e) { }
                        }, "late");
                        late.start();
                        Thread.sleep(200); // main returns while "late" still sleeps
                    }
                }
                """);
        long main = trace.tid("main");
        assertEquals("DestroyJavaVM", trace.name(main), "the JVM renames main once it returned");
        long waiting = trace.intervals(main, "waiting").stream().mapToLong(i -> i[1] - i[0]).sum();
        assertTrue(waiting > 300_000, "main waited for only " + waiting + " us in the trace");
        assertTrue(trace.intervals(main, "io").stream().mapToLong(i -> i[1] - i[0]).sum() < 100_000,
                "no long I/O wait: " + trace.intervals(main, "io"));
    }

    @Test
    void sleepingThreadShowsAsSleeping() throws Exception {
        Trace trace = Trace.ofFinishedRun("""
                public class Main {
                    public static void main(String[] args) throws Exception {
                        Thread sleeper = new Thread(() -> {
                            try { Thread.sleep(600); } catch (InterruptedException e) { }
                        }, "sleeper");
                        sleeper.start();
                        sleeper.join();
                    }
                }
                """);
        List<long[]> sleeping = trace.intervals(trace.tid("sleeper"), "sleeping");
        long total = sleeping.stream().mapToLong(i -> i[1] - i[0]).sum();
        assertTrue(total > 400_000, "sleeper slept for only " + total + " us in the trace");
        assertTrue(trace.states(trace.tid("sleeper"), "sleeping").stream()
                .anyMatch(s -> s.path("on").asText().equals("sleep") && s.path("javaState").asText().equals("TIMED_WAITING")));
    }

    @Test
    void classicDeadlockEndsTheRunQuicklyAndNamesTheCycle() throws Exception {
        String id = submit(program("""
                public class Main {
                    public static void main(String[] args) throws Exception {
                        Object first = new Object();
                        Object second = new Object();
                        Thread left = new Thread(() -> {
                            synchronized (first) { pause(); synchronized (second) { } }
                        }, "left");
                        Thread right = new Thread(() -> {
                            synchronized (second) { pause(); synchronized (first) { } }
                        }, "right");
                        left.start(); right.start();
                        left.join(); right.join();
                    }
                    static void pause() {
                        try { Thread.sleep(100); } catch (InterruptedException e) { }
                    }
                }
                """));
        Map<String, Object> result = awaitEnd(id);
        assertEquals("DEADLOCK", result.get("status"), result.toString());
        long durationMs = ((Number) result.get("durationMs")).longValue();
        assertTrue(durationMs < 2000, "deadlock took " + durationMs + " ms to end the run");
        String message = (String) result.get("message");
        assertTrue(message.contains("\"left\" waits for") && message.contains("held by \"right\""), message);
        assertEquals("outcome.deadlock", result.get("messageKey"), "the page says the cycle in its reader's language");

        Trace trace = new Trace(id);
        JsonNode deadlock = trace.events.stream().filter(e -> e.path("kind").asText().equals("deadlock"))
                .findFirst().orElseThrow();
        Set<String> names = new HashSet<>(deadlock.path("threads").findValuesAsText("name"));
        assertEquals(Set.of("left", "right"), names);
        for (JsonNode member : deadlock.path("threads")) {
            assertEquals(1, member.path("holds").size(), member.toString());
            assertFalse(member.path("owner").asText().equals(member.path("name").asText()));
        }
    }

    @Test
    void exportedTraceHasOneNamedTrackPerThread() throws Exception {
        Trace trace = Trace.ofFinishedRun("""
                public class Main {
                    public static void main(String[] args) throws Exception {
                        Thread[] workers = new Thread[3];
                        for (int i = 0; i < workers.length; i++) {
                            workers[i] = new Thread(() -> {
                                try { Thread.sleep(200); } catch (InterruptedException e) { }
                            }, "worker-" + i);
                            workers[i].start();
                        }
                        for (Thread w : workers) w.join();
                    }
                }
                """);
        JsonNode exported = trace.chrome();
        Map<Long, String> trackNames = new HashMap<>();
        Set<Long> slicedThreads = new HashSet<>();
        for (JsonNode e : exported.path("traceEvents")) {
            if (e.path("ph").asText().equals("M") && e.path("name").asText().equals("thread_name")) {
                assertTrue(trackNames.put(e.path("tid").asLong(), e.path("args").path("name").asText()) == null,
                        "one name per track: " + e);
            } else if (e.path("ph").asText().equals("X")) {
                slicedThreads.add(e.path("tid").asLong());
                assertTrue(e.path("dur").asLong() >= 0 && e.has("ts") && e.has("pid"), e.toString());
            }
        }
        assertTrue(trackNames.keySet().containsAll(slicedThreads), "every track with slices is named");
        assertTrue(trackNames.values().containsAll(List.of("main", "worker-0", "worker-1", "worker-2")), trackNames.toString());
    }

    @Test
    void traceCanBeTurnedOffPerRun() {
        Map<String, Object> body = program("""
                public class Main {
                    public static void main(String[] args) { System.out.println("quiet"); }
                }
                """);
        body.put("trace", false);
        String id = submit(body);
        assertEquals("FINISHED", awaitEnd(id).get("status"));
        given().when().get("/api/runs/" + id + "/trace").then().statusCode(404);
    }

    @Test
    void evenAShortProgramShowsOnlyItsOwnThreadAsApplicationThread() throws Exception {
        Trace trace = Trace.ofFinishedRun("""
                public class Main {
                    public static void main(String[] args) {
                        System.out.println("quick");
                    }
                }
                """);
        Map<Long, JsonNode> threads = new HashMap<>();
        trace.events.stream().filter(e -> e.path("kind").asText().equals("thread"))
                .forEach(e -> threads.put(e.path("tid").asLong(), e));
        List<String> application = threads.values().stream().filter(t -> !t.path("system").asBoolean())
                .map(t -> t.path("name").asText()).toList();
        assertEquals(1, application.size(), "only the main thread, whether or not the tracer named it yet: " + application);
        assertTrue(threads.values().stream().anyMatch(t -> t.path("name").asText().equals("VM Thread")
                && t.path("system").asBoolean()), "the JVM's own threads are marked: " + threads.values());
    }


    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
