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
 * Runs the grader's JUnit classes against the compiled program (TestRunner in /opt/sandbox/runner) and forwards
 * its results as frames. The results come over a Unix socket that accepts exactly one connection, which the test
 * runner makes before any tested class loads; the socket file is removed at once, so the tested code cannot
 * connect, and what it prints stays ordinary program output.
 */
final class TestRun {
    static final String JUNIT = "/opt/sandbox/junit/junit-platform-console-standalone.jar";
    static final String RUNNER = "/opt/sandbox/runner";

    private final Frames frames;
    private final int repeat;
    private final List<String> classes;
    private final List<String> jvmOptions;

    TestRun(Frames frames, int repeat, List<String> classes, List<String> jvmOptions) {
        this.frames = frames;
        this.repeat = Math.max(1, Math.min(repeat, 50));
        this.classes = classes;
        this.jvmOptions = jvmOptions;
    }

    /** What the tests compile against: the program's classes and JUnit. */
    static String classPath() {
        return SandboxLauncher.CLASSES + ":" + JUNIT;
    }

    int run(SandboxLauncher launcher) throws Exception {
        Path socket = Path.of("/tmp", ".threadlab-results-" + UUID.randomUUID() + ".sock");
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread reader = new Thread(() -> receive(server, socket), "test-results");
        reader.setDaemon(true);
        reader.start();
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp",
                SandboxLauncher.CLASSES + ":" + SandboxLauncher.TEST_CLASSES + ":" + JUNIT + ":" + RUNNER,
                "TestRunner", socket.toString(), Integer.toString(repeat)));
        command.addAll(classes);
        int code = launcher.runProgram(command, false, 0);
        reader.join(1000);
        return code;
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
                    if (line.equals("done")) {
                        frames.send(Frames.TESTS_DONE, "");
                    } else {
                        frames.send(Frames.TEST_REPORT, line);
                    }
                }
            }
        } catch (IOException e) {
            // The test JVM ended; tests without a report count as failed.
        }
    }
}
