package dev.threadlab.launcher;

import dev.threadlab.protocol.DeadlockCycle;
import dev.threadlab.protocol.JavaRelease;
import dev.threadlab.protocol.LauncherFrame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs one program as the learner: relays its stdin, stdout and stderr, samples its trace, and ends the launcher with
 * its exit code, or with {@link #DEADLOCK_EXIT} once a deadlock is confirmed. The launcher cannot signal the learner's
 * processes (another uid), and need not: when it exits, the container's init exits and the kernel ends every process
 * in the container.
 */
final class ProgramRun {
    static final Path AGENT_SOCKET = Path.of("/tmp/.threadlab-trace.sock");
    /** Exit code when the run was ended because of a deadlock (the server reads the deadlock frame). */
    static final int DEADLOCK_EXIT = 86;

    private final Frames frames;
    private final ServerInput input;
    private final JavaRelease jdk;
    private final CompletableFuture<DeadlockCycle> deadlock = new CompletableFuture<>();

    /** {@code jdk}: the one that {@code java} on the program's PATH and its JAVA_HOME name. */
    ProgramRun(Frames frames, ServerInput input, JavaRelease jdk) {
        this.frames = frames;
        this.input = input;
        this.jdk = jdk;
    }

    /**
     * Runs {@code command} (as the learner), then ends the launcher with its exit code; {@code firstStdin} goes to the
     * program before anything the server sends.
     */
    void run(List<String> command, int sampleHz, byte[] firstStdin) throws Exception {
        frames.finish(null, null, execute(command, sampleHz, firstStdin));
    }

    /** The image build's rehearsal of a traced run: like {@link #run}, but this JVM goes on afterwards. */
    void rehearse(List<String> command) throws Exception {
        execute(command, 500, null);
    }

    private int execute(List<String> command, int sampleHz, byte[] firstStdin) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(LearnerUser.command(command)).directory(Path.of("/work").toFile());
        ProgramJdk.configure(builder.environment(), jdk);
        Tracing tracing = sampleHz > 0 ? new Tracing(builder, sampleHz) : null;
        frames.send(LauncherFrame.RUNNING, "");
        Process program = builder.start();
        if (tracing != null) {
            tracing.programStarted(program);
        }
        Thread out = relay(program.getInputStream(), LauncherFrame.STDOUT, null);
        Thread err = relay(program.getErrorStream(), LauncherFrame.STDERR, tracing == null ? null : TracedJvm.pickedUpLine());
        relayStdin(program, firstStdin);
        if (CompletableFuture.anyOf(program.onExit(), deadlock).get() instanceof DeadlockCycle cycle) {
            tracing.stop();
            frames.finish(LauncherFrame.DEADLOCK, new String(cycle.toJson(LauncherFrame.DEADLOCK.maxPayload()),
                    java.nio.charset.StandardCharsets.UTF_8), DEADLOCK_EXIT);
        }
        // Output still in the pipes belongs to the run; a grandchild that keeps them open is not waited for.
        out.join(300);
        err.join(300);
        if (tracing != null) {
            tracing.drain();
            tracing.stop();
        }
        return program.exitValue();
    }

    private Thread relay(java.io.InputStream stream, LauncherFrame kind, String dropLine) {
        Thread relay = SandboxLauncher.daemon(new OutputRelay(stream, frames, kind, dropLine), kind + "-relay");
        relay.start();
        return relay;
    }

    private void relayStdin(Process program, byte[] firstStdin) {
        SandboxLauncher.daemon(() -> {
            try {
                if (firstStdin != null) {
                    program.getOutputStream().write(firstStdin);
                    program.getOutputStream().flush();
                }
            } catch (IOException programGone) {
                return;
            }
            input.relayStdin(program.getOutputStream());
        }, "stdin-relay").start();
    }

    /** The trace of one program: the tracers' socket, then the /proc sampler once the program runs. */
    private final class Tracing {
        /** As long as the output pipes are waited for: a JVM that has exited has closed its connection already. */
        private static final long DRAIN_MILLIS = 300;
        private final TraceRecorder recorder;
        private final AgentHub hub;
        private final NativeSampler sampler;
        private final Thread samplerThread;

        Tracing(ProcessBuilder builder, int sampleHz) throws IOException {
            recorder = new TraceRecorder(frames::sendTrace, System.nanoTime());
            TracedJvm.configure(builder.environment(), AGENT_SOCKET, sampleHz);
            recorder.meta(SandboxLauncher.cpuCount(), sampleHz);
            hub = new AgentHub(AGENT_SOCKET, recorder, deadlock::complete);
            SandboxLauncher.daemon(hub, "agent-hub").start();
            sampler = new NativeSampler(recorder, sampleHz);
            samplerThread = SandboxLauncher.daemon(sampler, "sampler-reader");
            samplerThread.start();
        }

        void programStarted(Process program) throws IOException {
            hub.programStarted(program.toHandle());
            sampler.begin(program.pid());
        }

        /** Once the program has ended: lets its tracers' last lines in (at most {@value #DRAIN_MILLIS} ms). */
        void drain() throws InterruptedException {
            hub.drain(DRAIN_MILLIS * 1_000_000L);
        }

        /** Takes a last sample, sends what is left, and closes the socket. */
        void stop() throws InterruptedException {
            sampler.stop(samplerThread);
            hub.close();
        }
    }

    /** The learner's processes connect to it; connecting to a Unix socket needs write permission on its file. */
    static void shareWithLearner(Path socket) throws IOException {
        Files.setPosixFilePermissions(socket, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-rw-"));
    }
}
