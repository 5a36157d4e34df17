package dev.threadlab.sandbox;

import static dev.threadlab.run.RunApi.awaitEnd;
import static dev.threadlab.run.RunApi.program;
import static dev.threadlab.run.RunApi.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Programs that try to take the machine down, by mistake or on purpose. Each one gets a clear final status, a hello
 * world submitted while it runs still finishes normally, and no container or process of it is left afterwards.
 * (Oversized and non-UTF-8 requests are in RunResourceTest; network isolation is in SandboxIsolationTest; a stdin
 * flood over the WebSocket is in RunSocketTest.)
 */
@QuarkusTest
class HostileProgramsTest {
    /** Put into the command lines of processes that must not outlive their run, to look for them on the host. */
    private final String marker = "threadlab-hostile-" + UUID.randomUUID();

    @Inject
    SandboxImage image;
    @Inject
    ContainerReaper reaper;

    @Inject
    WarmPool pool;

    private static MemorySnapshot memoryBefore;
    private static long diskBefore;
    private static WarmPool fullPool;

    /** Before the first test, with the warm pool full: its containers hold memory of their own (about 45 MB each). */
    private void measureTheHost() throws IOException {
        awaitFull(pool);
        fullPool = pool;
        memoryBefore = MemorySnapshot.now();
        diskBefore = Files.getFileStore(Path.of("/var/lib/docker")).getUsableSpace();
    }

    private static void awaitFull(WarmPool pool) {
        pool.refill();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> pool.state().ready() == pool.state().target());
    }

    /**
     * Everything the suite took (tmpfs, memory of killed containers, image layers) is given back. The kernel and the
     * engine give memory back some seconds after a container is gone: the same suite measured a drop of 519 MB at once
     * in one run and 67 MB in the next, so the memory gets up to 60 s to come back.
     */
    @AfterAll
    static void theHostIsBackWhereItWas() throws IOException {
        awaitFull(fullPool);
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        MemorySnapshot after = MemorySnapshot.now();
        while (lostMb(after) >= 512 && System.nanoTime() < deadline) {
            sleep(1000);
            after = MemorySnapshot.now();
        }
        long memoryLostMb = lostMb(after);
        long diskLostMb = (diskBefore - Files.getFileStore(Path.of("/var/lib/docker")).getUsableSpace()) >> 20;
        assertTrue(memoryLostMb < 512, "available memory dropped by " + memoryLostMb + " MB: "
                + memoryBefore + " before, " + after + " after");
        assertTrue(diskLostMb < 256, "free disk dropped by " + diskLostMb + " MB");
    }

    private static long lostMb(MemorySnapshot after) {
        return (memoryBefore.availableKb() - after.availableKb()) / 1024;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The host's available memory, not counting what lives on by design: this test JVM (the server under test), whose
     * heap grows with the suite's output floods (measured: 740 MB resident after the first test, 1.1 GB at the end),
     * and the anonymous memory of the containers that still run, the warm pool and the compile service, whose javac
     * grows as it compiles. What a killed program could leave on the host, a tmpfs or a process outside its container,
     * still counts.
     */
    private record MemorySnapshot(long memAvailableKb, long serverKb, long containersKb, long engineKb, long shmemKb,
            long kernelUnreclaimableKb) {
        static MemorySnapshot now() throws IOException {
            Path meminfo = Path.of("/proc/meminfo");
            return new MemorySnapshot(kilobytes(meminfo, "MemAvailable:"),
                    kilobytes(Path.of("/proc/self/status"), "VmRSS:"), livingContainersKb(), engineResidentKb(),
                    kilobytes(meminfo, "Shmem:"), kilobytes(meminfo, "SUnreclaim:"));
        }

        long availableKb() {
            return memAvailableKb + serverKb + containersKb;
        }

        @Override
        public String toString() {
            return "MemAvailable " + memAvailableKb / 1024 + " MB, server " + serverKb / 1024 + " MB, containers "
                    + containersKb / 1024 + " MB, engine " + engineKb / 1024 + " MB, Shmem " + shmemKb / 1024
                    + " MB, SUnreclaim " + kernelUnreclaimableKb / 1024 + " MB";
        }
    }

    /** The resident memory of the Docker engine's daemons and container shims. */
    private static long engineResidentKb() {
        return ProcessHandle.allProcesses().filter(p -> p.info().command().map(c -> c.contains("docker")
                || c.contains("containerd")).orElse(false)).mapToLong(p -> {
                    try {
                        return kilobytes(Path.of("/proc/" + p.pid() + "/status"), "VmRSS:");
                    } catch (IOException | RuntimeException gone) {
                        return 0;
                    }
                }).sum();
    }

    /** The resident anonymous memory of every container Docker runs now (cgroup v1; 0 where that file is absent). */
    private static long livingContainersKb() throws IOException {
        Path stat = Path.of("/sys/fs/cgroup/memory/docker/memory.stat");
        if (!Files.isRegularFile(stat)) {
            return 0;
        }
        return Files.readAllLines(stat).stream().filter(l -> l.startsWith("total_rss "))
                .mapToLong(l -> Long.parseLong(l.substring("total_rss ".length())) / 1024).findFirst().orElse(0);
    }

    private static long kilobytes(Path file, String field) throws IOException {
        return Files.readAllLines(file).stream().filter(l -> l.startsWith(field))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElseThrow();
    }

    @BeforeEach
    void sandboxIsReady() throws InterruptedException, IOException {
        SandboxReady.await(image);
        if (memoryBefore == null) {
            measureTheHost();
        }
    }

    @AfterEach
    void nothingIsLeftBehind() throws InterruptedException {
        assertEquals(List.of(), SandboxReady.leftoverContainers(reaper, pool));
        List<String> survivors = ProcessHandle.allProcesses()
                .map(p -> p.info().commandLine().orElse(""))
                .filter(command -> command.contains(marker)).toList();
        assertEquals(List.of(), survivors, "processes of the run still alive on the host");
    }

    @Test
    void forkBombOfChildJvms() {
        Map<String, Object> result = hostile("""
                public class Main {
                    public static void main(String[] args) throws Exception {
                        while (true) {
                            new ProcessBuilder("java", "-cp", System.getProperty("java.class.path"), "Main", "%s")
                                    .inheritIO().start();
                        }
                    }
                }
                """.formatted(marker));
        assertEndedWithReason(result, "MEMORY_LIMIT", "TIMED_OUT", "FINISHED");
    }

    @Test
    void forkBombInTheShell() {
        Map<String, Object> result = hostile("""
                public class Main {
                    public static void main(String[] args) throws Exception {
                        new ProcessBuilder("sh", "-c", "bomb() { bomb | bomb & }; bomb", "%s").inheritIO().start().waitFor();
                        Thread.sleep(60_000);
                    }
                }
                """.formatted(marker));
        // With every pid taken, the learner's own JVM may fail to start a thread and exit with an error first.
        assertEndedWithReason(result, "TIMED_OUT", "MEMORY_LIMIT", "FINISHED");
        if ("FINISHED".equals(result.get("status"))) {
            assertNotEquals(0, ((Number) result.get("exitCode")).intValue(), result.toString());
        }
    }

    @Test
    void threadBomb() {
        Map<String, Object> result = hostile("""
                public class Main {
                    public static void main(String[] args) {
                        int started = 0;
                        try {
                            while (true) {
                                Thread t = new Thread(() -> {
                                    try { Thread.sleep(Long.MAX_VALUE); } catch (InterruptedException e) { }
                                });
                                t.setDaemon(true);
                                t.start();
                                started++;
                            }
                        } catch (Throwable e) {
                            System.out.println("stopped after " + started + " threads: " + e);
                        }
                    }
                }
                """);
        assertEquals("FINISHED", result.get("status"), result.toString());
        String stdout = (String) result.get("stdout");
        assertTrue(stdout.contains("unable to create native thread"), stdout);
        int started = Integer.parseInt(stdout.replaceAll("(?s).*stopped after (\\d+).*", "$1").strip());
        assertTrue(started < 1024, "the pids limit stopped it: " + started);
    }

    @Test
    void heapExhaustion() {
        Map<String, Object> result = hostile("""
                import java.util.ArrayList;
                import java.util.List;

                public class Main {
                    public static void main(String[] args) {
                        List<long[]> hoard = new ArrayList<>();
                        while (true) {
                            hoard.add(new long[1_000_000]);
                        }
                    }
                }
                """);
        assertEquals("FINISHED", result.get("status"), result.toString());
        assertEquals(1, result.get("exitCode"));
        assertTrue(((String) result.get("stderr")).contains("OutOfMemoryError: Java heap space"), result.toString());
    }

    @Test
    void nativeMemoryExhaustion() {
        Map<String, Object> result = hostile("""
                import java.lang.reflect.Field;
                import sun.misc.Unsafe;

                public class Main {
                    public static void main(String[] args) throws Exception {
                        Field field = Unsafe.class.getDeclaredField("theUnsafe");
                        field.setAccessible(true);
                        Unsafe unsafe = (Unsafe) field.get(null);
                        while (true) {
                            long address = unsafe.allocateMemory(16 << 20);
                            unsafe.setMemory(address, 16 << 20, (byte) 1);
                        }
                    }
                }
                """);
        assertEndedWithReason(result, "MEMORY_LIMIT");
    }

    @Test
    void fillingTheDisk() {
        Map<String, Object> result = hostile("""
                import java.io.FileOutputStream;
                import java.io.IOException;

                public class Main {
                    public static void main(String[] args) {
                        byte[] block = new byte[1 << 20];
                        for (String dir : new String[] {"/work", "/tmp"}) {
                            long written = 0;
                            try {
                                for (int file = 0; ; file++) {
                                    try (FileOutputStream out = new FileOutputStream(dir + "/fill-" + file)) {
                                        for (int i = 0; i < 16; i++) {
                                            out.write(block);
                                            written += block.length;
                                        }
                                    }
                                }
                            } catch (IOException e) {
                                System.out.println(dir + " full after " + (written >> 20) + " MB: " + e.getMessage());
                            }
                        }
                        try {
                            new FileOutputStream("/usr/escape").close();
                        } catch (IOException e) {
                            System.out.println("root: " + e.getMessage());
                        }
                    }
                }
                """);
        assertEquals("FINISHED", result.get("status"), result.toString());
        String stdout = (String) result.get("stdout");
        assertTrue(stdout.contains("/work full after") && stdout.contains("/tmp full after"), stdout);
        assertTrue(stdout.contains("No space left on device"), stdout);
        assertTrue(stdout.contains("root: /usr/escape (Read-only file system)"), stdout);
    }

    @Test
    void endlessLoop() {
        Map<String, Object> result = hostile("""
                public class Main {
                    public static void main(String[] args) {
                        long spins = 0;
                        while (true) {
                            spins++;
                        }
                    }
                }
                """);
        assertEndedWithReason(result, "TIMED_OUT");
        assertTrue(((String) result.get("message")).contains("10 s"), String.valueOf(result.get("message")));
    }

    @Test
    void floodOnStdout() {
        Map<String, Object> result = hostile("""
                public class Main {
                    public static void main(String[] args) {
                        while (true) {
                            System.out.println("flood flood flood flood flood flood flood flood");
                        }
                    }
                }
                """);
        assertEndedWithReason(result, "OUTPUT_LIMIT");
        int length = ((String) result.get("stdout")).length();
        assertTrue(length > 1_000_000 && length <= 1_048_576, "stdout length " + length);
    }

    @Test
    void floodOnStderr() {
        Map<String, Object> result = hostile("""
                public class Main {
                    public static void main(String[] args) {
                        while (true) {
                            System.err.println("error error error error error error error error error error");
                        }
                    }
                }
                """);
        assertEndedWithReason(result, "OUTPUT_LIMIT");
        assertEquals("The program printed more than 1048576 bytes and was stopped.", result.get("message"));
        assertEquals("outcome.outputLimit", result.get("messageKey"), "the page says why in its reader's language");
        assertEquals(Map.of("bytes", 1048576), result.get("args"));
        int printed = ((String) result.get("stderr")).length();
        assertTrue(printed > 1_000_000 && printed <= 1_048_576, "stderr kept " + printed + " characters");
    }

    @Test
    void sleepingPastTheWallLimit() {
        Map<String, Object> result = hostile("""
                public class Main {
                    public static void main(String[] args) throws Exception {
                        System.out.println("good night");
                        Thread.sleep(3_600_000);
                    }
                }
                """);
        assertEndedWithReason(result, "TIMED_OUT");
        assertEquals("good night\n", result.get("stdout"));
    }

    @Test
    void childrenThatOutliveTheirParentAndIgnoreSigterm() {
        Map<String, Object> result = hostile("""
                public class Main {
                    public static void main(String[] args) throws Exception {
                        if (args.length > 0) {
                            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                                try { Thread.sleep(Long.MAX_VALUE); } catch (InterruptedException e) { }
                            }));
                            Thread.sleep(Long.MAX_VALUE);
                        }
                        new ProcessBuilder("sh", "-c", "trap '' TERM; while true; do sleep 1; done", "%1$s").start();
                        new ProcessBuilder("java", "-cp", System.getProperty("java.class.path"), "Main", "%1$s").start();
                        Thread.sleep(1500);
                        System.out.println("parent leaves");
                    }
                }
                """.formatted(marker));
        assertEquals("FINISHED", result.get("status"), result.toString());
        assertEquals("parent leaves\n", result.get("stdout"));
    }

    @Test
    void zombieProcesses() {
        Map<String, Object> result = hostile("""
                import java.nio.file.Files;
                import java.nio.file.Path;
                import java.util.stream.Stream;

                public class Main {
                    public static void main(String[] args) throws Exception {
                        for (int i = 0; i < 20; i++) {
                            // The shell's children end first; exec'd sleep never waits for them: zombies.
                            new ProcessBuilder("sh", "-c", "sleep 0.1 & sleep 0.1 & exec sleep 2").start();
                        }
                        Thread.sleep(1000);
                        long zombies;
                        try (Stream<Path> all = Files.list(Path.of("/proc"))) {
                            zombies = all.filter(p -> p.getFileName().toString().matches("\\\\d+"))
                                    .filter(p -> {
                                        try {
                                            String stat = Files.readString(p.resolve("stat"));
                                            return stat.charAt(stat.lastIndexOf(')') + 2) == 'Z';
                                        } catch (Exception gone) {
                                            return false;
                                        }
                                    }).count();
                        }
                        System.out.println("zombies: " + zombies);
                    }
                }
                """);
        assertEquals("FINISHED", result.get("status"), result.toString());
        assertTrue(((String) result.get("stdout")).matches("zombies: [1-9]\\d*\\n"), "zombies were made: " + result);
    }

    @Test
    void readingHostFilesSecretsAndTheDockerSocket() {
        Path serverConfig = Path.of("server/src/main/resources/application.properties").toAbsolutePath();
        assertTrue(Files.exists(serverConfig), "the test needs the server's own config file: " + serverConfig);
        Map<String, Object> result = hostile("""
                import java.net.Socket;
                import java.nio.file.Files;
                import java.nio.file.Path;
                import java.util.TreeSet;

                public class Main {
                    public static void main(String[] args) throws Exception {
                        for (String file : new String[] {"%s", "/var/run/docker.sock", "/run/docker.sock",
                                "/etc/shadow", "/root"}) {
                            String verdict;
                            try {
                                verdict = Files.exists(Path.of(file))
                                        ? (Files.isReadable(Path.of(file)) ? "READABLE" : "unreadable") : "absent";
                            } catch (SecurityException e) {
                                verdict = "refused";
                            }
                            System.out.println(file + ": " + verdict);
                        }
                        try (Socket docker = new Socket("127.0.0.1", 2375)) {
                            System.out.println("docker tcp: CONNECTED");
                        } catch (Exception e) {
                            System.out.println("docker tcp: refused");
                        }
                        System.out.println("env: " + new TreeSet<>(System.getenv().keySet()));
                        for (String mount : Files.readAllLines(Path.of("/proc/self/mounts"))) {
                            System.out.println("mount: " + mount.split(" ")[1]);
                        }
                        System.out.println("user: " + System.getProperty("user.name") + " "
                                + Files.readString(Path.of("/proc/self/status")).lines()
                                        .filter(l -> l.startsWith("CapEff")).findFirst().orElse(""));
                    }
                }
                """.formatted(serverConfig));
        assertEquals("FINISHED", result.get("status"), result.toString());
        String stdout = (String) result.get("stdout");
        assertTrue(stdout.contains(serverConfig + ": absent"), stdout);
        assertTrue(stdout.contains("/var/run/docker.sock: absent") && stdout.contains("/run/docker.sock: absent"), stdout);
        assertTrue(stdout.contains("/etc/shadow: unreadable") || stdout.contains("/etc/shadow: absent"), stdout);
        assertTrue(stdout.contains("docker tcp: refused"), stdout);
        assertTrue(stdout.contains("CapEff:\t0000000000000000"), stdout);
        // Docker's own: the root, kernel file systems, the two tmpfs, its generated /etc files and the init binary.
        List<String> allowedMounts = List.of("/", "/proc", "/dev", "/sys", "/work", "/tmp", "/etc/hosts", "/etc/hostname",
                "/etc/resolv.conf", "/sbin/docker-init", "/usr/sbin/docker-init");
        for (String line : stdout.lines().filter(l -> l.startsWith("mount: ")).toList()) {
            String point = line.substring("mount: ".length());
            assertTrue(allowedMounts.stream().anyMatch(a -> point.equals(a) || !a.equals("/") && point.startsWith(a + "/")),
                    "nothing of the host is mounted into the sandbox: " + point);
        }
        String env = stdout.replaceAll("(?s).*env: \\[([^\\]]*)\\].*", "$1");
        Set<String> allowed = Set.of("PATH", "HOME", "HOSTNAME", "LANG", "LC_ALL", "JAVA_HOME", "JAVA_TOOL_OPTIONS",
                "TERM", "PWD");
        for (String key : env.split(",\\s*")) {
            assertTrue(key.isBlank() || allowed.contains(key.strip()) || key.strip().startsWith("THREADLAB_TRACE_"),
                    "unexpected environment variable " + key + ": " + env);
        }
    }

    @Test
    void bindingPorts() {
        Map<String, Object> result = hostile("""
                import java.net.ServerSocket;

                public class Main {
                    public static void main(String[] args) {
                        for (int port : new int[] {80, 8080}) {
                            try (ServerSocket server = new ServerSocket(port)) {
                                System.out.println(port + ": bound");
                            } catch (Exception e) {
                                System.out.println(port + ": " + e.getMessage());
                            }
                        }
                    }
                }
                """);
        assertEquals("FINISHED", result.get("status"), result.toString());
        String stdout = (String) result.get("stdout");
        // Both bind, in the run's own network namespace (Docker lets unprivileged users bind low ports there):
        // nothing outside can reach them, and the host's ports are untouched (SandboxIsolationTest).
        assertTrue(stdout.contains("80: bound") && stdout.contains("8080: bound"), stdout);
    }

    @Test
    void aSourceThatMakesTheCompilerWorkHard() {
        // Nested conditionals around a generic method: javac's inference time grows exponentially with depth.
        String expression = "1";
        for (int depth = 0; depth < 10; depth++) {
            expression = "id(b ? " + expression + " : id(" + expression + "))";
        }
        Map<String, Object> result = hostile("""
                public class Main {
                    static <T> T id(T t) { return t; }
                    public static void main(String[] args) {
                        boolean b = args.length > 0;
                        Object o = %s;
                        System.out.println(o);
                    }
                }
                """.formatted(expression));
        assertEndedWithReason(result, "TIMED_OUT");
        assertTrue(((String) result.get("message")).contains("Compilation did not finish"), result.toString());
    }

    @Test
    void outputThatIsNotUtf8() {
        Map<String, Object> result = hostile("""
                public class Main {
                    public static void main(String[] args) {
                        System.out.write(new byte[] {(byte) 0xC3, (byte) 0x28, 'o', 'k', (byte) 0xFF, '\\n'}, 0, 6);
                        System.out.flush();
                    }
                }
                """);
        assertEquals("FINISHED", result.get("status"), result.toString());
        assertEquals("\uFFFD(ok\uFFFD\n", result.get("stdout"));
    }

    @Test
    void exitWithOddCodes() {
        Map<String, Object> result = hostile("""
                public class Main {
                    public static void main(String[] args) {
                        System.exit(-1);
                    }
                }
                """);
        assertEquals("FINISHED", result.get("status"), result.toString());
        assertEquals(255, result.get("exitCode"), "exit codes are 8 bits: -1 is 255");
        assertEquals(44, hostile("public class Main { public static void main(String[] a) { System.exit(300); } }")
                .get("exitCode"), "300 mod 256");
    }

    @Test
    void closingStdout() {
        Map<String, Object> result = hostile("""
                public class Main {
                    public static void main(String[] args) {
                        System.out.println("before");
                        System.out.close();
                        System.out.println("lost");
                        System.err.println("still running");
                    }
                }
                """);
        assertEquals("FINISHED", result.get("status"), result.toString());
        assertEquals("before\n", result.get("stdout"));
        assertEquals("still running\n", result.get("stderr"));
    }

    /** Runs the program and, while it runs, a hello world that must finish normally. */
    private Map<String, Object> hostile(String source) {
        String id = submit(program(source));
        Map<String, Object> hello = awaitEnd(submit(program("""
                public class Main {
                    public static void main(String[] args) {
                        System.out.println("hello");
                    }
                }
                """)));
        assertEquals("FINISHED", hello.get("status"), "a hello world beside the hostile program: " + hello);
        assertEquals("hello\n", hello.get("stdout"));
        return awaitEnd(id);
    }

    private static void assertEndedWithReason(Map<String, Object> result, String... statuses) {
        assertTrue(List.of(statuses).contains((String) result.get("status")), result.toString());
        if (!"FINISHED".equals(result.get("status"))) {
            String message = (String) result.get("message");
            assertFalse(message == null || message.isBlank(), "a final status other than FINISHED says why: " + result);
        }
    }
}
