package dev.threadlab.launcher;

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
    private final CompletableFuture<String> deadlock = new CompletableFuture<>();

    ProgramRun(Frames frames, ServerInput input) {
        this.frames = frames;
        this.input = input;
    }

    /** Runs {@code command} (as the learner); {@code firstStdin} goes to the program before anything the server sends. */
    void run(List<String> command, int sampleHz, byte[] firstStdin) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(LearnerUser.command(command)).directory(Path.of("/work").toFile());
        boolean trace = sampleHz > 0;
        String dropLine = null;
        AgentHub hub = null;
        TraceRecorder recorder = null;
        if (trace) {
            recorder = new TraceRecorder(frames::sendTrace, System.nanoTime());
            TracedJvm.configure(builder.environment(), AGENT_SOCKET, sampleHz);
            dropLine = TracedJvm.pickedUpLine();
            recorder.meta(SandboxLauncher.cpuCount(), sampleHz);
        }
        if (trace) {
            hub = new AgentHub(AGENT_SOCKET, recorder, deadlock::complete);
            SandboxLauncher.daemon(hub, "agent-hub").start();
        }
        frames.send(LauncherFrame.RUNNING, "");
        Process program = builder.start();
        if (hub != null) {
            hub.programStarted(program.toHandle());
        }
        Thread out = SandboxLauncher.daemon(new OutputRelay(program.getInputStream(), frames, LauncherFrame.STDOUT, null), "stdout-relay");
        Thread err = SandboxLauncher.daemon(new OutputRelay(program.getErrorStream(), frames, LauncherFrame.STDERR, dropLine), "stderr-relay");
        out.start();
        err.start();
        ProcSampler sampler = null;
        Thread samplerThread = null;
        if (trace) {
            sampler = new ProcSampler(recorder, program.pid(), sampleHz);
            samplerThread = SandboxLauncher.daemon(sampler, "proc-sampler");
            samplerThread.setPriority(Thread.MAX_PRIORITY);
            samplerThread.start();
        }
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
        Object first = CompletableFuture.anyOf(program.onExit(), deadlock).get();
        if (first instanceof String cycle) {
            endWithDeadlock(sampler, samplerThread, hub, cycle);
        }
        int code = program.exitValue();
        // Output still in the pipes belongs to the run; a grandchild that keeps them open is not waited for.
        out.join(300);
        err.join(300);
        if (sampler != null) {
            sampler.stop(samplerThread);
            hub.close();
        }
        frames.finish(null, null, code);
    }

    private void endWithDeadlock(ProcSampler sampler, Thread samplerThread, AgentHub hub, String cycle)
            throws InterruptedException {
        sampler.stop(samplerThread);
        hub.close();
        // A UTF-8 character takes at most 4 bytes: cut so that the frame stays within its limit.
        int max = LauncherFrame.DEADLOCK.maxPayload() / 4;
        frames.finish(LauncherFrame.DEADLOCK, cycle.length() > max ? cycle.substring(0, max - 1) + "…" : cycle,
                DEADLOCK_EXIT);
    }

    /** The learner's processes connect to it; connecting to a Unix socket needs write permission on its file. */
    static void shareWithLearner(Path socket) throws IOException {
        Files.setPosixFilePermissions(socket, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-rw-"));
    }
}
