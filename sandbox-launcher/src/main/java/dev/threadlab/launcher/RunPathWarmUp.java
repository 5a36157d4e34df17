package dev.threadlab.launcher;

import dev.threadlab.protocol.LauncherFrame;
import dev.threadlab.protocol.ProtocolViolation;
import dev.threadlab.protocol.ReportSeal;
import dev.threadlab.protocol.RunSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Goes once through what a run does between its arrival and its program's start, apart from compiling: reading the run
 * spec's JSON, writing frames, starting a process (the trace's path, with its UNIX socket, has {@link
 * TracePathWarmUp}). Measured with {@code -Xlog:class+load} in a pooled launcher warmed by the compiler alone: about
 * 150 classes (Jackson's, the protocol's, UNIX sockets', process start) were still read from their jars after the run
 * arrived, and the launcher said it compiles 30-45 ms after the sources came. The image's training run goes through
 * here too, so these classes are in its AppCDS archive.
 */
final class RunPathWarmUp {
    private RunPathWarmUp() {
    }

    /** Returns whether every step went through (a warm-up never fails the run that follows). */
    static boolean run() {
        try {
            RunSpec.fromJson(RunSpec.run("Main", 500, List.of("-Xmx64m")).toJson());
            RunSpec.fromJson(RunSpec.tests(List.of("MainTest"), 1, List.of(), ReportSeal.newKey()).toJson());
            RunSpec.fromJson(RunSpec.compileOnly().toJson());
            new Frames(OutputStream.nullOutputStream()).send(LauncherFrame.COMPILING, "");
            return new ProcessBuilder("true").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | ProtocolViolation | RuntimeException e) {
            return false; // only a warm-up: the run reports its own problems
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
