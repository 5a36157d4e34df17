package dev.threadlab.launcher;

import dev.threadlab.protocol.LauncherFrame;
import dev.threadlab.protocol.ProtocolViolation;
import dev.threadlab.protocol.ReportSeal;
import dev.threadlab.protocol.RunSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Goes once through what a run does between its arrival and its program's start, apart from compiling: reading the run
 * spec's JSON, writing frames, opening the trace socket, starting a process. Measured with {@code -Xlog:class+load} in
 * a pooled launcher warmed by the compiler alone: about 150 classes (Jackson's, the protocol's, UNIX sockets',
 * process start) were still read from their jars after the run arrived, and the launcher said it compiles 30-45 ms
 * after the sources came. The image's training run goes through here too, so these classes are in its AppCDS archive.
 */
final class RunPathWarmUp {
    private RunPathWarmUp() {
    }

    /** Returns whether every step went through (a warm-up never fails the run that follows). */
    static boolean run() {
        Path folder = null;
        try {
            RunSpec.fromJson(RunSpec.run("Main", 500, List.of("-Xmx64m")).toJson());
            RunSpec.fromJson(RunSpec.tests(List.of("MainTest"), 1, List.of(), ReportSeal.newKey()).toJson());
            RunSpec.fromJson(RunSpec.compileOnly().toJson());
            new Frames(OutputStream.nullOutputStream()).send(LauncherFrame.COMPILING, "");
            folder = Files.createTempDirectory("threadlab-warm-up-run");
            connectToHub(folder.resolve("trace.sock"));
            return new ProcessBuilder("true").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | ProtocolViolation | RuntimeException e) {
            return false; // only a warm-up: the run reports its own problems
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            Compilation.deleteQuietly(folder);
        }
    }

    /** A tracer's hello to a hub, as the program's JVM sends it, then both ends close. */
    private static void connectToHub(Path socket) throws IOException {
        AgentHub hub = new AgentHub(socket, new TraceRecorder(batch -> { }, System.nanoTime()), deadlock -> { });
        hub.programStarted(ProcessHandle.current());
        Thread accepting = SandboxLauncher.daemon(hub, "warm-up-hub");
        accepting.start();
        try (SocketChannel tracer = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            tracer.connect(UnixDomainSocketAddress.of(socket));
            tracer.write(java.nio.ByteBuffer.wrap(("H\t" + ProcessHandle.current().pid() + "\n")
                    .getBytes(StandardCharsets.US_ASCII)));
        } finally {
            hub.close();
        }
    }
}
