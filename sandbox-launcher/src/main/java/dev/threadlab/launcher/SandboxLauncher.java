package dev.threadlab.launcher;

import dev.threadlab.protocol.LauncherFrame;
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
 * code.
 */
public final class SandboxLauncher {
    static final Path SOURCES = Path.of("/work/src");
    static final Path CLASSES = Path.of("/work/classes");
    static final Path TEST_CLASSES = Path.of("/work/test-classes");

    private SandboxLauncher() {
    }

    public static void main(String[] args) throws Exception {
        Frames frames = new Frames();
        // Anything printed by accident must not corrupt the frames on stdout.
        System.setOut(System.err);
        // The server stops containers with SIGKILL, and the learner's uid cannot signal this process: a SIGTERM comes
        // from the engine (docker stop, the engine shutting down), passed on by the container's init.
        Signal.handle(new Signal("TERM"), signal -> frames.finish(LauncherFrame.STOPPED_FROM_OUTSIDE, "", 143));
        ServerInput input = new ServerInput(System.in);
        Files.createDirectories(SOURCES);
        Files.createDirectories(TEST_CLASSES);
        input.readSetup(SOURCES, TEST_CLASSES);
        RunSpec spec = input.spec;
        Thread samplerWarmUp = null;
        if (spec.traced() && spec.mode() == RunSpec.Mode.RUN) {
            samplerWarmUp = daemon(ProcSampler::warmUp, "sampler-warm-up");
            samplerWarmUp.start();
        }
        frames.send(LauncherFrame.COMPILING, "");
        if (!new Compilation(frames).compile(input.sources, SOURCES, CLASSES, input.testClasses)) {
            frames.send(LauncherFrame.COMPILE_FAILED, "");
            frames.finish(null, null, 1);
        }
        ProgramRun program = new ProgramRun(frames, input);
        switch (spec.mode()) {
            case COMPILE_ONLY -> frames.finish(null, null, 0);
            case TESTS -> new TestRun(frames, spec).run(program, TEST_CLASSES, CLASSES);
            case RUN -> {
                if (samplerWarmUp != null) {
                    samplerWarmUp.join();
                }
                program.run(programCommand(spec), spec.traceSampleHz(), null);
            }
        }
    }

    private static List<String> programCommand(RunSpec spec) {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(spec.jvmOptions());
        command.addAll(spec.traced() ? TracedJvm.arguments(CLASSES.toString(), spec.mainClass())
                : List.of("-cp", CLASSES.toString(), spec.mainClass()));
        return command;
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
