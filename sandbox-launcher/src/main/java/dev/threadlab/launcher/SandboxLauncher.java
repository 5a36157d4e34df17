package dev.threadlab.launcher;

import dev.threadlab.protocol.JavaRelease;
import dev.threadlab.protocol.LauncherFrame;
import dev.threadlab.protocol.MessageLanguage;
import dev.threadlab.protocol.RunSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;

/**
 * Entry point of every sandbox container, running as the launcher's uid (see {@link LearnerUser}). Reads the server's
 * frames ({@link ServerInput}), compiles the sources ({@link Compilation}), then runs the program or the hidden tests
 * as the learner ({@link ProgramRun}, {@link TestRun}), answering in {@link Frames}. It exits with the program's exit
 * code. With {@value #WARM}, the container was started ahead of demand (the server's warm pool): while it waits for the
 * run, it goes through a run's path once and samples {@code /proc}, so that the run's trace starts warm; with
 * {@value #WARM_COMPILER} too, it also compiles a tiny class (only when the server has no compile service: the run then
 * compiles here). With {@value #COMPILE_SERVER}, it is the compile service instead ({@link CompileServer}).
 */
public final class SandboxLauncher {
    static final Path SOURCES = Path.of("/work/src");
    static final Path CLASSES = Path.of("/work/classes");
    static final Path TEST_CLASSES = Path.of("/work/test-classes");
    /** The argument that asks for a warm-up while waiting for the run. */
    static final String WARM = "--warm";
    /** With {@link #WARM}: also warm the compiler, because the run will compile here. */
    static final String WARM_COMPILER = "--warm-compiler";
    /** The argument that makes this JVM the compile service. */
    static final String COMPILE_SERVER = "--compile-server";
    /**
     * The argument of the image build's training run: warm up and exit, so that the JVM archives the classes it loaded
     * (AppCDS, see the Dockerfile).
     */
    static final String TRAIN = "--train";
    /**
     * Where the training's rehearsal leaves the program JVM's archive of each JDK ({@code %d}: its feature version), in
     * a folder the learner's uid may write.
     */
    static final String REHEARSAL_ARCHIVE = "/tmp/threadlab-program-%d.jsa";

    private SandboxLauncher() {
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains(TRAIN)) {
            warmUp(true);
            rehearse();
            return;
        }
        Frames frames = new Frames();
        // Anything printed by accident must not corrupt the frames on stdout.
        System.setOut(System.err);
        if (List.of(args).contains(COMPILE_SERVER)) {
            CompileServer.warmUp();
            new CompileServer(System.in, frames, Files.createTempDirectory("threadlab-compile")).serve();
            return;
        }
        // The server stops containers with SIGKILL, and the learner's uid cannot signal this process: a SIGTERM comes
        // from the engine (docker stop, the engine shutting down), passed on by the container's init.
        Signal.handle(new Signal("TERM"), signal -> frames.finish(LauncherFrame.STOPPED_FROM_OUTSIDE, "", 143));
        ServerInput input = new ServerInput(System.in);
        boolean warm = List.of(args).contains(WARM);
        Thread warmUp = null;
        if (warm) {
            boolean compiler = List.of(args).contains(WARM_COMPILER);
            warmUp = daemon(() -> warmUp(compiler), "warm-up");
            warmUp.start();
        }
        Files.createDirectories(SOURCES);
        Files.createDirectories(TEST_CLASSES);
        input.readSetup(SOURCES, CLASSES, TEST_CLASSES);
        RunSpec spec = input.spec;
        if (warmUp == null && spec.traced() && spec.mode() == RunSpec.Mode.RUN) {
            warmUp = daemon(NativeSampler::warmUp, "sampler-warm-up");
            warmUp.start();
        }
        if (warm) {
            // A run that arrives before the warm-up ends waits for it: both would compete for the same CPUs.
            warmUp.join();
        }
        frames.send(LauncherFrame.COMPILING, "");
        Compilation compilation = new Compilation(frames, MessageLanguage.locale(spec.language()), spec.jdk());
        if (spec.compiled() ? !compilation.namesAllowed(CLASSES, input.testClasses)
                : !compilation.compile(input.sources, SOURCES, CLASSES, input.testClasses)) {
            frames.send(LauncherFrame.COMPILE_FAILED, "");
            frames.finish(null, null, 1);
        }
        ProgramRun program = new ProgramRun(frames, input, spec.jdk());
        switch (spec.mode()) {
            case COMPILE_ONLY -> frames.finish(null, null, 0);
            case TESTS, MODEL_CHECK, SCHEDULE -> new TestRun(frames, spec).run(program, TEST_CLASSES, CLASSES);
            case RUN -> {
                if (warmUp != null) {
                    warmUp.join();
                }
                program.run(programCommand(spec), spec.traceSampleHz(), null);
            }
        }
    }

    private static List<String> programCommand(RunSpec spec) {
        List<String> command = new ArrayList<>(List.of(ProgramJdk.java(spec.jdk())));
        command.addAll(spec.jvmOptions());
        command.addAll(spec.traced() ? TracedJvm.arguments(spec.jdk(), CLASSES.toString(), spec.mainClass())
                : List.of("-cp", CLASSES.toString(), spec.mainClass()));
        return command;
    }

    /**
     * Loads and runs the sampler, a run's path and a trace's recording once, and the compiler with {@code compiler}.
     * Measured in the sandbox image (2 cores, C1 only): the first compilation of a hello world in a JVM takes 245 ms and
     * 340 ms of CPU, the next ones 16-24 ms.
     */
    private static void warmUp(boolean compiler) {
        if (compiler) {
            Compilation.warmUp();
        }
        NativeSampler.warmUp();
        RunPathWarmUp.run();
        TracePathWarmUp.run();
    }

    /**
     * The image build's training, after the warm-up: one traced run of the tracer's rehearsal program on each JDK that
     * has a program archive ({@link TracedJvm#ARCHIVED}), whose JVM archives its classes into
     * {@link #REHEARSAL_ARCHIVE} (the Dockerfile moves them into place), while this JVM archives the launcher's side of
     * a run.
     */
    private static void rehearse() throws Exception {
        Files.createDirectories(CLASSES);
        Frames quiet = new Frames(java.io.OutputStream.nullOutputStream());
        for (JavaRelease jdk : TracedJvm.ARCHIVED) {
            List<String> command = new ArrayList<>(List.of(ProgramJdk.java(jdk)));
            command.addAll(TracedJvm.rehearsalArguments(Path.of(REHEARSAL_ARCHIVE.formatted(jdk.feature()))));
            new ProgramRun(quiet, new ServerInput(java.io.InputStream.nullInputStream()), jdk).rehearse(command);
        }
    }

    static int cpuCount() {
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

    static Thread daemon(Runnable body, String name) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }
}
