package dev.threadlab.launcher;

import dev.threadlab.protocol.LauncherFrame;
import dev.threadlab.protocol.RunSpec;
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
import java.util.List;
import java.util.UUID;

/**
 * Runs the hidden JUnit classes against the compiled program in a JVM of the learner's uid, with the test runner
 * (module {@code dev.threadlab.runner}, see sandbox-runner) and JUnit on the module path, ahead of the test classes
 * and then the learner's classes on the class path. The runner seals each result with the run's key, which it reads
 * from its stdin before any tested class loads, and sends it over a Unix socket that accepts one connection; this
 * class forwards the sealed lines as they came, and the server checks the seals.
 *
 * <p>Test classes that call Lincheck ({@link RunSpec.Mode#MODEL_CHECK}) get its jars and agent besides, and the runner
 * on the class path; the server says which, and runs them apart from the others. A schedule check
 * ({@link RunSpec.Mode#SCHEDULE}) runs the same way, with the runner's {@code ScheduleRunner} in a JVM of the Fray
 * JDK, Fray's two agents (its JVMTI library and its class instrumentation) and Fray's runtime beside the runner: see
 * {@link #FRAY}.
 */
final class TestRun {
    static final String RUNNER_MODULES = "/opt/sandbox/lib/runner";
    private static final String RUNNER_MODULE = "dev.threadlab.runner";
    private static final String RUNNER_CLASS = "dev.threadlab.runner.TestRunner";
    private static final String SCHEDULE_MAIN = RUNNER_MODULE + "/dev.threadlab.runner.ScheduleRunner";
    /** Fray in the image: its JDK (the Dockerfile's jlink stage) and the jars Maven put in sandbox-image/lib/fray. */
    static final String FRAY = "/opt/sandbox/fray";
    private static final String FRAY_LIB = "/opt/sandbox/lib/fray";
    /**
     * Lincheck in the image (the sandbox-lincheck module's jars), for hidden tests that call its model checker on the
     * learner's data structure. It instruments classes through Byte Buddy's agent: loaded at start-up as
     * {@code -javaagent}, it needs no attach, which stays disabled.
     */
    static final String LINCHECK_LIB = "/opt/sandbox/lib/lincheck";

    private final Frames frames;
    private final RunSpec spec;

    TestRun(Frames frames, RunSpec spec) {
        this.frames = frames;
        this.spec = spec;
    }

    void run(ProgramRun program, Path testClasses, Path classes) throws Exception {
        Path socket = Path.of("/tmp", ".threadlab-results-" + UUID.randomUUID() + ".sock");
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        ProgramRun.shareWithLearner(socket);
        SandboxLauncher.daemon(() -> receive(server, socket), "test-results").start();
        List<String> command = spec.mode() == RunSpec.Mode.SCHEDULE ? scheduleCommand(testClasses, classes, socket)
                : testCommand(testClasses, classes, socket);
        command.addAll(spec.testClasses());
        byte[] key = (spec.reportKey() + "\n").getBytes(StandardCharsets.US_ASCII);
        program.run(command, 0, key);
    }

    List<String> testCommand(Path testClasses, Path classes, Path socket) {
        List<String> command = new ArrayList<>(List.of(ProgramJdk.java(spec.jdk())));
        command.addAll(spec.jvmOptions());
        // Nothing may attach to the test JVM and read the key out of it.
        command.add("-XX:+DisableAttachMechanism");
        String classPath = testClasses + ":" + classes;
        if (spec.mode() == RunSpec.Mode.MODEL_CHECK) {
            command.addAll(lincheckOptions());
            // The runner joins the class path here: from the module path, Lincheck 3.7 failed a correct LongAdder
            // counter with an internal error on JDK 25 ("Cannot get object offset of field receiverType"); from the
            // class path it passes on 21 and 25 (measured in the image). The module's encapsulation guards nothing
            // in this JVM anyway, whose agent's Instrumentation is public (see the mode's documentation).
            command.addAll(List.of("-cp", classPath + ":" + LINCHECK_LIB + "/*:" + RUNNER_MODULES + "/*",
                    RUNNER_CLASS));
        } else {
            command.addAll(List.of("--module-path", RUNNER_MODULES, "--add-modules", "ALL-MODULE-PATH",
                    "-cp", classPath, "-m", RUNNER_MODULE + "/" + RUNNER_CLASS));
        }
        command.addAll(List.of(socket.toString(), Integer.toString(spec.repeat())));
        return command;
    }

    /**
     * Lincheck reads fields through sun.misc.Unsafe, which JDK 25 would warn about on stderr (JEP 498), and reflects
     * into the concurrent classes it models (a LongAdder's cells: "module java.base does not opens
     * java.util.concurrent.atomic", measured). Its agent is loaded only in this mode: an agent costs every JVM
     * start-up time, and its Instrumentation is public.
     */
    private static List<String> lincheckOptions() {
        return List.of("-javaagent:" + LINCHECK_LIB + "/byte-buddy-agent.jar",
                "-Dsun.misc.unsafe.memory.access=allow",
                "--add-opens", "java.base/java.util.concurrent=ALL-UNNAMED",
                "--add-opens", "java.base/java.util.concurrent.atomic=ALL-UNNAMED");
    }

    /**
     * Fray's runtime modules join the runner's (with java.rmi, whose Remote its schedule observers extend); its
     * command-line libraries, which split packages between jars, stay on
     * the class path. Fray writes its log and the failing schedule's recording under {@code fray.workDir}.
     */
    private List<String> scheduleCommand(Path testClasses, Path classes, Path socket) {
        List<String> command = new ArrayList<>(List.of(FRAY + "/jdk/bin/java"));
        command.addAll(spec.jvmOptions());
        command.addAll(List.of("-XX:+DisableAttachMechanism",
                "-agentpath:" + FRAY_LIB + "/native/libjvmti.so",
                "-javaagent:" + FRAY_LIB + "/agent/fray-instrumentation-agent.jar",
                "-Dfray.workDir=/tmp/.threadlab-fray-" + UUID.randomUUID(),
                "--module-path", RUNNER_MODULES + ":" + FRAY_LIB + "/modules", "--add-modules", "ALL-MODULE-PATH,java.rmi",
                "-cp", testClasses + ":" + classes + ":" + FRAY_LIB + "/class-path/*",
                "-m", SCHEDULE_MAIN, socket.toString(), Integer.toString(spec.schedule().iterations()),
                Long.toString(spec.schedule().seed())));
        return command;
    }

    private void receive(ServerSocketChannel server, Path socket) {
        try {
            SocketChannel channel;
            try (server) {
                channel = server.accept();
            } finally {
                Files.deleteIfExists(socket);
            }
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    // A line too long to be a report is not forwarded; the server would refuse it anyway.
                    if (line.length() <= LauncherFrame.TEST_REPORT.maxPayload() / 4) {
                        frames.send(LauncherFrame.TEST_REPORT, line);
                    }
                }
            }
        } catch (IOException e) {
            // The test JVM ended; tests without a report count as failed.
        }
    }
}
