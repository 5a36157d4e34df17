package dev.threadlab.tracer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The native tracer (src/main/c) loaded into a real JVM with {@code -agentpath}, reporting to a Unix socket as it does
 * to the launcher: what it says about the threads of {@link NativeAgentScenes}' programs. The JVM is this build's
 * (JDK 17 or later); the sandbox image's JDK 21 is covered by the server's trace tests.
 */
class NativeAgentTest {
    private static final Path AGENT = Path.of(System.getProperty("threadlab.agent", "target/native/libthreadlab-agent.so"));
    private static final long WAIT_MILLIS = 10_000;

    private final List<String> lines = new ArrayList<>();
    private final Map<String, String> tids = new HashMap<>();
    private Process program;
    private ServerSocketChannel server;
    private Path socket;

    @AfterEach
    void stop() throws Exception {
        if (program != null) {
            program.getOutputStream().close();
            program.waitFor();
        }
        if (server != null) {
            server.close();
            Files.deleteIfExists(socket);
        }
    }

    @Test
    void helloNamesTheMainThreadAndEveryThreadGoesOutWithItsOsThreadNameAndState() throws Exception {
        run("sleep");
        String[] hello = lines().get(0).split("\t", -1);
        assertEquals("H", hello[0], lines().toString());
        assertEquals(Long.toString(program.pid()), hello[1]);
        await("the main thread named", line -> line.startsWith("J\t") && field(line, 2).equals(hello[2])
                && field(line, 6).equals("main") && field(line, 3).equals(hello[3]));
        String sleeper = tid("sleeper-ä\uD83D\uDE42");
        await("the sleeper named in UTF-8", line -> line.startsWith("J\t") && field(line, 2).equals(sleeper)
                && field(line, 6).equals("sleeper-ä\uD83D\uDE42") && field(line, 4).equals("1"));
        awaitState(sleeper, "TIMED_WAITING", "sleep", "", "", "");
        String tracer = await("the tracer's own thread", line -> line.startsWith("T\t")).split("\t")[1];
        assertTrue(lines().stream().noneMatch(line -> line.startsWith("J\t") && field(line, 2).equals(tracer)),
                "the tracer does not describe its own thread");
    }

    @Test
    void aParkedThreadNamesItsLockAndTheLocksOwner() throws Exception {
        run("park");
        awaitState(tid("waiter"), "WAITING", "park", "java.util.concurrent.locks.ReentrantLock$NonfairSync@",
                tid("holder"), "holder");
    }

    @Test
    void aThreadBlockedOnAMonitorNamesItsHolder() throws Exception {
        run("monitor");
        awaitState(tid("monitor-waiter"), "BLOCKED", "monitor", "java.lang.Object@", tid("monitor-holder"),
                "monitor-holder");
    }

    @Test
    void aThreeThreadDeadlockIsReportedWithTheWholeCycle() throws Exception {
        run("deadlock");
        String deadlock = await("a deadlock", line -> line.startsWith("D\t"));
        assertEquals("3", field(deadlock, 2));
        for (int i = 0; i < 3; i++) {
            assertTrue(field(deadlock, 3).contains("\"philosopher-" + i + "\" waits for java.lang.Object@"), deadlock);
            String tid = tid("philosopher-" + i);
            await("philosopher-" + i + " in the cycle", line -> line.startsWith("d\t") && field(line, 1).equals(tid));
        }
    }

    @Test
    void endedThreadsAreReportedAndRenamedOnesDescribedAgain() throws Exception {
        run("end-and-rename");
        String ended = tid("short-lived");
        await("the end of short-lived", line -> line.startsWith("Q\t") && field(line, 2).equals(ended));
        String renamed = tid("before-rename");
        await("the new name", line -> line.startsWith("J\t") && field(line, 2).equals(renamed)
                && field(line, 6).equals("after-rename"));
    }

    @Test
    void aJoinIsToldFromOtherWaits() throws Exception {
        run("join");
        awaitState(tid("joiner"), "WAITING", "join", "java.lang.Thread@", "", "");
    }

    @Test
    void theJvmsShutdownThreadDoesNotRenameMainWhenNothingIsLeftToWaitFor() throws Exception {
        run("main-returns");
        String main = lines().get(0).split("\t", -1)[2];
        assertEquals(0, program.waitFor(), "the scene ends by itself");
        Thread.sleep(200); // the connection's last lines
        assertTrue(lines().stream().anyMatch(line -> line.startsWith("J\t") && field(line, 6).equals("last-worker")),
                lines().toString());
        assertTrue(lines().stream().noneMatch(line -> line.startsWith("J\t") && field(line, 2).equals(main)
                && !field(line, 6).equals("main")), "main keeps its name: " + lines());
    }

    private void run(String scene) throws Exception {
        assertTrue(Files.isRegularFile(AGENT), "the native agent is built: " + AGENT.toAbsolutePath());
        socket = Files.createTempDirectory("native-agent").resolve("trace.sock");
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-agentpath:" + AGENT.toAbsolutePath(), "-cp",
                System.getProperty("java.class.path"), NativeAgentScenes.class.getName(), scene)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("THREADLAB_TRACE_SOCKET", socket.toString());
        program = builder.start();
        Thread reader = new Thread(this::readLines, "trace-lines");
        reader.setDaemon(true);
        reader.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(program.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null && !line.equals("ready"); line = out.readLine()) {
            if (line.startsWith("tid ")) {
                tids.put(line.substring(4, line.lastIndexOf(' ')), line.substring(line.lastIndexOf(' ') + 1));
            }
        }
    }

    private void readLines() {
        try (SocketChannel agent = server.accept();
             BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(agent), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (lines) {
                    lines.add(line);
                }
            }
        } catch (IOException closed) {
            // the test ended
        }
    }

    private List<String> lines() {
        synchronized (lines) {
            return new ArrayList<>(lines);
        }
    }

    private String tid(String name) {
        String tid = tids.get(name);
        assertTrue(tid != null, "the scene printed the OS thread of " + name + ": " + tids);
        return tid;
    }

    private static String field(String line, int index) {
        String[] fields = line.split("\t", -1);
        return index < fields.length ? fields[index] : "";
    }

    /** {@code S nanos tid state on lock ownerTid ownerName}; the lock is matched by its start (its hash varies). */
    private void awaitState(String tid, String state, String on, String lock, String ownerTid, String ownerName)
            throws InterruptedException {
        await(tid + " " + state + " on " + on + " " + lock + " of " + ownerName, line -> line.startsWith("S\t")
                && field(line, 2).equals(tid) && field(line, 3).equals(state) && field(line, 4).equals(on)
                && (lock.isEmpty() ? field(line, 5).isEmpty() : field(line, 5).startsWith(lock))
                && field(line, 6).equals(ownerTid) && field(line, 7).equals(ownerName));
    }

    private String await(String what, Predicate<String> wanted) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            for (String line : lines()) {
                if (wanted.test(line)) {
                    return line;
                }
            }
            Thread.sleep(10);
        }
        fail("no line for " + what + " in " + lines());
        return null;
    }
}
