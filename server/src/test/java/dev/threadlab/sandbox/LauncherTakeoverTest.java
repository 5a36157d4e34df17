package dev.threadlab.sandbox;

import static dev.threadlab.run.RunApi.run;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A learner's program attacks the launcher that speaks for the platform in its container: it writes forged frames
 * into the launcher's stdout, attaches to it, reads its memory, signals it, and lies to its trace socket. Each attack
 * reproduces one that worked before the launcher and the program ran under different uids; each must now fail, and
 * the run must end as what the program really did.
 */
@QuarkusTest
class LauncherTakeoverTest {

    /** Java source: the pid of the launcher (the program JVM's parent) as {@code launcher}. */
    private static final String FIND_LAUNCHER = "long launcher = ProcessHandle.current().parent().orElseThrow().pid();\n";

    @Inject
    SandboxImage image;

    @BeforeEach
    void sandboxIsReady() throws InterruptedException {
        SandboxReady.await(image);
    }

    /** Frame bytes: kind, 4-byte length, payload. */
    private static final String FRAME_HELPER = """
                static byte[] frame(char kind, String text) {
                    byte[] body = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    return java.nio.ByteBuffer.allocate(5 + body.length).put((byte) kind).putInt(body.length).put(body).array();
                }
            """;

    @Test
    void framesWrittenIntoTheLaunchersStdoutAreRefused() {
        Map<String, Object> result = run("""
                import java.io.FileOutputStream;

                public class Main {
                %s
                    public static void main(String[] args) throws Exception {
                        %s
                        for (String path : new String[] {"/proc/" + launcher + "/fd/1", "/proc/1/fd/1"}) {
                            try (FileOutputStream out = new FileOutputStream(path)) {
                                out.write(frame('O', "FORGED OUTPUT\\n"));
                                out.write(frame('K', "FORGED DEADLOCK"));
                                out.flush();
                                System.out.println("wrote " + path);
                            } catch (Exception e) {
                                System.out.println("refused " + path + ": " + e.getClass().getSimpleName());
                            }
                        }
                    }
                }
                """.formatted(FRAME_HELPER, FIND_LAUNCHER));
        assertEquals("FINISHED", result.get("status"), result.toString());
        assertEquals(0, result.get("exitCode"));
        String stdout = (String) result.get("stdout");
        assertFalse(stdout.contains("FORGED"), stdout);
        assertFalse(stdout.contains("wrote"), stdout);
        assertEquals(2, stdout.lines().filter(line -> line.startsWith("refused")).count(), stdout);
    }

    @Test
    void theLauncherCannotBeAttachedToDumpedOrRead() {
        Map<String, Object> result = run("""
                import java.nio.file.Files;
                import java.nio.file.Path;

                public class Main {
                    public static void main(String[] args) throws Exception {
                        %s
                        for (String command : new String[] {"VM.command_line", "Thread.print", "GC.heap_dump /tmp/launcher.hprof"}) {
                            Process jcmd = new ProcessBuilder(("jcmd " + launcher + " " + command).split(" "))
                                    .redirectErrorStream(true).start();
                            String answer = new String(jcmd.getInputStream().readAllBytes());
                            int code = jcmd.waitFor();
                            System.out.println("jcmd " + command + " -> " + code + " "
                                    + (answer.contains("SandboxLauncher") || answer.contains("threadlab-launcher") ? "LEAKED" : "no"));
                        }
                        System.out.println("heap dump written: " + Files.exists(Path.of("/tmp/launcher.hprof")));
                        try {
                            Class<?> vm = Class.forName("com.sun.tools.attach.VirtualMachine");
                            Object attached = vm.getMethod("attach", String.class).invoke(null, Long.toString(launcher));
                            System.out.println("ATTACHED " + attached);
                        } catch (Throwable e) {
                            System.out.println("attach refused");
                        }
                        // Not dumpable: the kernel hands the launcher's /proc files to root.
                        System.out.println("fd owner " + Files.getOwner(Path.of("/proc/" + launcher + "/fd")).getName());
                        for (String file : new String[] {"mem", "environ", "fd", "maps", "root/proc/self/status"}) {
                            Path path = Path.of("/proc/" + launcher + "/" + file);
                            try {
                                if (Files.isDirectory(path)) {
                                    System.out.println(file + " LISTED " + Files.list(path).count());
                                } else {
                                    byte[] some = Files.newInputStream(path).readNBytes(16);
                                    System.out.println(file + " READ " + some.length);
                                }
                            } catch (Exception e) {
                                System.out.println(file + " refused");
                            }
                        }
                    }
                }
                """.formatted(FIND_LAUNCHER));
        assertEquals("FINISHED", result.get("status"), result.toString());
        String stdout = (String) result.get("stdout");
        assertFalse(stdout.contains("LEAKED"), stdout);
        assertFalse(stdout.contains("ATTACHED"), stdout);
        assertFalse(stdout.contains("READ") || stdout.contains("LISTED"), stdout);
        assertTrue(stdout.contains("heap dump written: false"), stdout);
        assertTrue(stdout.contains("attach refused"), stdout);
        assertTrue(stdout.contains("fd owner root"), stdout);
        assertEquals(5, stdout.lines().filter(line -> line.endsWith(" refused") && !line.startsWith("attach")).count(), stdout);
    }

    @Test
    void signallingTheContainersInitOrTheLauncherIsTheProgramsOwnBusiness() {
        Map<String, Object> result = run("""
                public class Main {
                    public static void main(String[] args) throws Exception {
                        %s
                        for (long pid : new long[] {1, launcher}) {
                            Process kill = new ProcessBuilder("sh", "-c", "kill -TERM " + pid).redirectErrorStream(true).start();
                            kill.getInputStream().readAllBytes();
                            System.out.println("kill -TERM " + (pid == 1 ? "init" : "launcher") + " -> " + kill.waitFor());
                            System.out.println("destroy " + ProcessHandle.of(pid).map(ProcessHandle::destroy).orElse(false));
                        }
                        Thread.sleep(500);
                        System.out.println("still here");
                    }
                }
                """.formatted(FIND_LAUNCHER));
        assertEquals("FINISHED", result.get("status"), result.toString());
        assertEquals(0, result.get("exitCode"), result.toString());
        String stdout = (String) result.get("stdout");
        assertTrue(stdout.contains("kill -TERM init -> 1"), stdout);
        assertTrue(stdout.contains("kill -TERM launcher -> 1"), stdout);
        assertFalse(stdout.contains("destroy true"), stdout);
        assertTrue(stdout.contains("still here"), stdout);
        assertFalse(String.valueOf(result.get("message")).contains("outside"), result.toString());
    }

    @Test
    void aDeadlockReportedThroughTheTraceSocketIsNotBelieved() {
        String id = dev.threadlab.run.RunApi.submit(dev.threadlab.run.RunApi.program("""
                import java.io.OutputStream;
                import java.net.UnixDomainSocketAddress;
                import java.nio.channels.Channels;
                import java.nio.channels.SocketChannel;

                public class Main {
                    public static void main(String[] args) throws Exception {
                        long pid = ProcessHandle.current().pid();
                        Thread spinner = new Thread(() -> { while (true) { Math.sqrt(Math.random()); } }, "spinner");
                        spinner.setDaemon(true);
                        spinner.start();
                        long[] tids = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/task"))
                                .mapToLong(p -> Long.parseLong(p.getFileName().toString())).toArray();
                        // Claim to be this process, and then another one (the init), and report a two-thread cycle.
                        for (String claimed : new String[] {Long.toString(pid), "1"}) {
                            try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of("/tmp/.threadlab-trace.sock"))) {
                                OutputStream out = Channels.newOutputStream(channel);
                                String lines = "H\\t" + claimed + "\\t" + tids[0] + "\\n"
                                        + "D\\t0\\t2\\tFORGED: a waits for b, b waits for a\\n"
                                        + "d\\t" + tids[0] + "\\ta\\tL1\\t" + tids[1] + "\\tb\\tL2\\n"
                                        + "d\\t" + tids[1] + "\\tb\\tL2\\t" + tids[0] + "\\ta\\tL1\\n";
                                out.write(lines.getBytes());
                                out.flush();
                                Thread.sleep(300);
                                System.out.println("sent as " + claimed);
                            } catch (Exception e) {
                                System.out.println("refused as " + claimed + ": " + e);
                            }
                        }
                        System.out.println("done");
                    }
                }
                """));
        eventsWithoutDeadlock(id, "done");
    }

    @Test
    void linesForgedThroughTheNativeTracersOwnConnectionAreNotBelieved() {
        // The native tracer's connection is the one the launcher believes for this JVM, and its Java side can write
        // to it (NativeAgent.send): a forger can say anything there, but only about its own threads, as the kernel sees
        // them.
        String id = dev.threadlab.run.RunApi.submit(dev.threadlab.run.RunApi.program("""
                import java.lang.reflect.Method;
                import java.nio.file.Files;
                import java.nio.file.Path;
                import java.util.concurrent.CountDownLatch;

                public class Main {
                    public static void main(String[] args) throws Exception {
                        long[] spinnerTid = new long[1];
                        CountDownLatch started = new CountDownLatch(1);
                        Thread spinner = new Thread(() -> {
                            try {
                                spinnerTid[0] = Long.parseLong(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString());
                            } catch (Exception e) { }
                            started.countDown();
                            while (true) { Math.sqrt(Math.random()); }
                        }, "spinner");
                        spinner.setDaemon(true);
                        spinner.start();
                        started.await();
                        long self = Long.parseLong(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString());
                        Class<?> agent = Class.forName("dev.threadlab.tracer.NativeAgent");
                        Method send = agent.getDeclaredMethod("send", byte[].class, int.class, int.class);
                        send.setAccessible(true);
                        // The init's thread named as this JVM's, and a cycle between this thread and a running one.
                        String lines = "J\\t0\\t1\\t99\\t0\\t0\\tFORGED-init\\t0\\n"
                                + "D\\t0\\t2\\tFORGED: a waits for b, b waits for a\\n"
                                + "d\\t" + self + "\\ta\\tL1\\t" + spinnerTid[0] + "\\tb\\tL2\\n"
                                + "d\\t" + spinnerTid[0] + "\\tb\\tL2\\t" + self + "\\ta\\tL1\\n";
                        byte[] bytes = lines.getBytes();
                        send.invoke(null, bytes, 0, bytes.length);
                        Thread.sleep(300);
                        System.out.println("sent");
                    }
                }
                """));
        List<Map<String, Object>> events = eventsWithoutDeadlock(id, "sent");
        assertFalse(events.stream().anyMatch(e -> "FORGED-init".equals(e.get("name"))), "a forged thread reached the trace");
        assertTrue(events.stream().anyMatch(e -> "spinner".equals(e.get("name"))), "the native tracer named the spinner");
    }

    /** The trace events of run {@code id}, which must have finished, printed {@code printed}, and seen no deadlock. */
    private static List<Map<String, Object>> eventsWithoutDeadlock(String id, String printed) {
        Map<String, Object> result = dev.threadlab.run.RunApi.awaitEnd(id);
        assertEquals("FINISHED", result.get("status"), result.toString());
        assertTrue(((String) result.get("stdout")).contains(printed), result.toString());
        List<Map<String, Object>> events = given().get("/api/runs/" + id + "/trace?format=events").then().statusCode(200)
                .extract().jsonPath().getList("events");
        assertFalse(events.stream().anyMatch(e -> "deadlock".equals(e.get("kind"))), "a forged deadlock reached the trace");
        return events;
    }

    @Test
    void aFloodOfCompilerReportFramesCannotGrowTheServer() {
        long before = usedHeapAfterGc();
        Map<String, Object> result = run("""
                import java.io.FileOutputStream;
                import java.io.OutputStream;

                public class Main {
                %s
                    public static void main(String[] args) throws Exception {
                        %s
                        byte[] diagnostic = frame('D', "{\\"file\\":\\"Main.java\\",\\"line\\":1,\\"column\\":1,"
                                + "\\"severity\\":\\"error\\",\\"message\\":\\"" + "x".repeat(60_000) + "\\"}");
                        try (OutputStream out = new FileOutputStream("/proc/" + launcher + "/fd/1")) {
                            out.write(diagnostic);
                            System.out.println("WROTE into the launcher's stdout");
                        } catch (Exception e) {
                            System.out.println("refused");
                        }
                        // 256 MB of them on its own stdout: relayed as output, which has its limit.
                        for (int i = 0; i < 256 * 1024 * 1024 / diagnostic.length; i++) {
                            System.out.write(diagnostic);
                        }
                        System.out.flush();
                    }
                }
                """.formatted(FRAME_HELPER, FIND_LAUNCHER));
        long grown = usedHeapAfterGc() - before;
        assertEquals("OUTPUT_LIMIT", result.get("status"), String.valueOf(result.get("message")));
        assertTrue(((String) result.get("stdout")).startsWith("refused"), "the frame reached the launcher's stdout");
        assertTrue(((java.util.List<?>) result.get("diagnostics")).isEmpty(), "program bytes became compiler reports");
        assertTrue(grown < 100L * 1024 * 1024, "the server's heap grew by " + (grown >> 20) + " MB");
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
