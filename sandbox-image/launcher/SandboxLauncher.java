import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import sun.misc.Signal;

/**
 * Entry point of every sandbox container.
 *
 * <p>The server speaks to it over the container's stdin in frames: {@code kind(1 byte) length(4 bytes) payload}.
 * {@code F} = a source file ("name\0content"), {@code X} = a JUnit test source (same payload), {@code R} = compile and
 * run ("mainClass\0options", options being {@code trace=on|off}, {@code hz=<samples per second>} and, to run tests
 * instead of the main class, {@code repeat=<n>} and {@code tests=<Class>;<Class>}; or {@code compile-only}, comma
 * separated), {@code I} =
 * bytes for the program's stdin, {@code E} = end of the program's stdin. Framing is needed because Docker's attach
 * API cannot signal end-of-file on stdin.
 *
 * <p>It answers on stdout with {@link Frames}: compile reports, then the program's stdout and stderr, trace
 * batches and a deadlock report. It exits with the program's exit code.
 */
public final class SandboxLauncher {
    static final Path SOURCES = Path.of("/work/src");
    static final Path CLASSES = Path.of("/work/classes");
    static final Path TEST_SOURCES = Path.of("/work/test-src");
    static final Path TEST_CLASSES = Path.of("/work/test-classes");
    static final Path AGENT_SOCKET = Path.of("/tmp/.threadlab-trace.sock");
    /** Exit code when the run was ended because of a deadlock (the server reads the deadlock frame). */
    static final int DEADLOCK_EXIT = 86;

    public static void main(String[] args) throws Exception {
        DataInputStream in = new DataInputStream(System.in);
        Frames frames = new Frames();
        // Anything printed by accident must not corrupt the frames on stdout.
        System.setOut(System.err);
        // The server stops containers with SIGKILL, so a SIGTERM comes from outside: say so, or the run would look
        // like a program that ended with 143 by itself.
        Signal.handle(new Signal("TERM"), signal -> {
            frames.send(Frames.STOPPED_FROM_OUTSIDE, "");
            Runtime.getRuntime().halt(143);
        });
        Files.createDirectories(SOURCES);
        Files.createDirectories(CLASSES);
        List<Path> javaFiles = new ArrayList<>();
        List<Path> testFiles = new ArrayList<>();
        String run = null;
        while (run == null) {
            int kind = in.read();
            if (kind < 0) {
                throw new EOFException("stdin closed before the run frame");
            }
            byte[] payload = readPayload(in);
            switch (kind) {
                case 'F' -> javaFiles.add(writeSource(SOURCES, payload));
                case 'X' -> testFiles.add(writeSource(TEST_SOURCES, payload));
                case 'R' -> run = new String(payload, StandardCharsets.UTF_8);
                default -> throw new IOException("unexpected frame " + kind + " before the run frame");
            }
        }
        // mainClass NUL options (NUL jvmOption)*: JVM options may contain commas, so they get a field each.
        String[] parts = run.split("\0", -1);
        String mainClass = parts[0];
        String options = parts.length < 2 ? "" : parts[1];
        List<String> jvmOptions = parts.length < 3 ? List.of() : List.of(parts).subList(2, parts.length);
        boolean trace = !options.contains("trace=off");
        int sampleHz = option(options, "hz", 500);
        String tests = textOption(options, "tests");
        Thread samplerWarmUp = null;
        if (trace && tests == null && !options.contains("compile-only")) {
            samplerWarmUp = daemon(ProcSampler::warmUp, "sampler-warm-up");
            samplerWarmUp.start();
        }
        frames.send(Frames.COMPILING, "");
        if (!compile(javaFiles, SOURCES, CLASSES, CLASSES.toString(), frames)
                || tests != null && !compile(testFiles, TEST_SOURCES, TEST_CLASSES, TestRun.classPath(), frames)) {
            frames.send(Frames.COMPILE_FAILED, "");
            System.exit(1);
        }
        if (options.contains("compile-only")) {
            System.exit(0);
        }
        SandboxLauncher launcher = new SandboxLauncher(frames, in);
        if (tests != null) {
            deleteTree(TEST_SOURCES); // the tested code never sees the hidden tests' source
            System.exit(new TestRun(frames, option(options, "repeat", 1), List.of(tests.split(";")), jvmOptions)
                    .run(launcher));
        }
        if (samplerWarmUp != null) {
            samplerWarmUp.join();
        }
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(jvmOptions);
        command.addAll(trace ? TracedJvm.arguments(CLASSES.toString(), mainClass)
                : List.of("-cp", CLASSES.toString(), mainClass));
        System.exit(launcher.runProgram(command, trace, Math.max(10, Math.min(sampleHz, 2000))));
    }

    private final Frames frames;
    private final DataInputStream in;
    private volatile String deadlock;
    private Process program;

    private SandboxLauncher(Frames frames, DataInputStream in) {
        this.frames = frames;
        this.in = in;
    }

    private static String textOption(String options, String name) {
        for (String option : options.split(",")) {
            if (option.startsWith(name + "=")) {
                return option.substring(name.length() + 1);
            }
        }
        return null;
    }

    private static int option(String options, String name, int fallback) {
        for (String option : options.split(",")) {
            if (option.startsWith(name + "=")) {
                try {
                    return Integer.parseInt(option.substring(name.length() + 1));
                } catch (NumberFormatException e) {
                    return fallback;
                }
            }
        }
        return fallback;
    }

    int runProgram(List<String> command, boolean trace, int sampleHz) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(Path.of("/work").toFile());
        String dropLine = null;
        AgentHub hub = null;
        TraceRecorder recorder = null;
        long origin = System.nanoTime();
        if (trace) {
            recorder = new TraceRecorder(text -> frames.send(Frames.TRACE, text), origin);
            hub = new AgentHub(AGENT_SOCKET, recorder, this::deadlocked);
            daemon(hub, "agent-hub").start();
            TracedJvm.configure(builder.environment(), hub.path(), sampleHz);
            dropLine = TracedJvm.pickedUpLine();
            recorder.meta(cpuCount(), sampleHz);
        }
        frames.send(Frames.RUNNING, "");
        synchronized (this) {
            program = builder.start();
        }
        Thread out = daemon(new OutputRelay(program.getInputStream(), frames, Frames.STDOUT, null), "stdout-relay");
        Thread err = daemon(new OutputRelay(program.getErrorStream(), frames, Frames.STDERR, dropLine), "stderr-relay");
        out.start();
        err.start();
        ProcSampler sampler = null;
        Thread samplerThread = null;
        if (trace) {
            sampler = new ProcSampler(recorder, program.pid(), sampleHz);
            samplerThread = daemon(sampler, "proc-sampler");
            samplerThread.setPriority(Thread.MAX_PRIORITY);
            samplerThread.start();
        }
        daemon(() -> relayStdin(in, program.getOutputStream()), "stdin-relay").start();
        int code = program.waitFor();
        // Output still in the pipes belongs to the run; a grandchild that keeps them open is not waited for.
        out.join(300);
        err.join(300);
        if (sampler != null) {
            sampler.stop(samplerThread);
            hub.close();
        }
        if (deadlock != null) {
            frames.send(Frames.DEADLOCK, deadlock);
            return DEADLOCK_EXIT;
        }
        return code;
    }

    /** A deadlocked program never ends by itself: stop it, and the server reports the cycle. */
    private synchronized void deadlocked(String message) {
        if (deadlock != null || program == null) {
            return;
        }
        deadlock = message;
        program.descendants().forEach(ProcessHandle::destroyForcibly);
        program.destroyForcibly();
    }

    private static int cpuCount() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    int highest = 0;
                    for (String range : line.substring(line.indexOf(':') + 1).strip().split(",")) {
                        String[] ends = range.split("-");
                        highest = Math.max(highest, Integer.parseInt(ends[ends.length - 1].strip()));
                    }
                    return highest + 1;
                }
            }
        } catch (IOException | RuntimeException unknown) {
            // Fall back to what the JVM sees.
        }
        return Runtime.getRuntime().availableProcessors();
    }

    private static Thread daemon(Runnable body, String name) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }

    private static byte[] readPayload(DataInputStream in) throws IOException {
        int length = in.readInt();
        byte[] payload = new byte[length];
        in.readFully(payload);
        return payload;
    }

    private static Path writeSource(Path folder, byte[] payload) throws IOException {
        int nul = 0;
        while (payload[nul] != 0) {
            nul++;
        }
        String name = new String(payload, 0, nul, StandardCharsets.UTF_8);
        Path target = folder.resolve(name).normalize();
        if (!target.startsWith(folder)) {
            throw new IOException("file name outside the source folder: " + name);
        }
        Files.createDirectories(target.getParent());
        try (OutputStream file = Files.newOutputStream(target)) {
            file.write(payload, nul + 1, payload.length - nul - 1);
        }
        return target;
    }

    private static boolean compile(List<Path> javaFiles, Path sources, Path classes, String classPath, Frames frames)
            throws IOException {
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean ok;
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ENGLISH, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-d", classes.toString(), "-cp", classPath, "-encoding", "UTF-8",
                    "-Xmaxerrs", "100", "-Xlint:-options");
            ok = javaFiles.isEmpty() || javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(javaFiles)).call();
        }
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            String file = d.getSource() == null ? "" : sources.relativize(Path.of(d.getSource().toUri())).toString();
            frames.send(Frames.DIAGNOSTIC, "{\"file\":" + Json.string(file)
                    + ",\"line\":" + d.getLineNumber()
                    + ",\"column\":" + d.getColumnNumber()
                    + ",\"severity\":" + Json.string(d.getKind() == Diagnostic.Kind.ERROR ? "error" : "warning")
                    + ",\"message\":" + Json.string(d.getMessage(Locale.ENGLISH)) + "}");
        }
        return ok;
    }

    private static void deleteTree(Path folder) throws IOException {
        try (var walk = Files.walk(folder)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static void relayStdin(DataInputStream in, OutputStream programStdin) {
        try (programStdin) {
            while (true) {
                int kind = in.read();
                if (kind < 0 || kind == 'E') {
                    return;
                }
                byte[] payload = readPayload(in);
                if (kind == 'I') {
                    programStdin.write(payload);
                    programStdin.flush();
                }
            }
        } catch (IOException programStoppedReading) {
            // The program closed its stdin or ended; remaining input has nowhere to go.
        }
    }

}
