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
import java.util.function.Consumer;

/**
 * The Unix socket every JVM's trace agent connects to. Each agent line becomes a call on the {@link TraceRecorder};
 * a deadlock report is also handed to {@code onDeadlock}, which ends the run.
 */
final class AgentHub implements Runnable {
    private final Path path;
    private final TraceRecorder recorder;
    private final Consumer<String> onDeadlock;
    private final ServerSocketChannel server;

    AgentHub(Path path, TraceRecorder recorder, Consumer<String> onDeadlock) throws IOException {
        this.path = path;
        this.recorder = recorder;
        this.onDeadlock = onDeadlock;
        Files.deleteIfExists(path);
        this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
    }

    Path path() {
        return path;
    }

    @Override
    public void run() {
        try {
            while (true) {
                SocketChannel agent = server.accept();
                Thread reader = new Thread(() -> read(agent), "agent-reader");
                reader.setDaemon(true);
                reader.start();
            }
        } catch (IOException closed) {
            // The launcher is ending.
        }
    }

    private void read(SocketChannel agent) {
        long pid = -1;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(Channels.newInputStream(agent), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                String[] f = line.split("\t", -1);
                switch (f[0]) {
                    case "H" -> {
                        pid = Long.parseLong(f[1]);
                        recorder.agentConnected(pid, Long.parseLong(f[2]));
                    }
                    case "J" -> recorder.javaThread(Long.parseLong(f[1]), pid, Long.parseLong(f[2]), Long.parseLong(f[3]),
                            f[4].equals("1"), f[5].equals("1"), f[6]);
                    case "S" -> recorder.javaState(Long.parseLong(f[1]), Long.parseLong(f[2]), f[3], f[4], f[5],
                            f[6].isEmpty() ? -1 : Long.parseLong(f[6]), f[7]);
                    case "D" -> {
                        long nanos = Long.parseLong(f[1]);
                        int count = Integer.parseInt(f[2]);
                        String message = f[3];
                        List<String[]> members = new ArrayList<>();
                        for (int i = 0; i < count; i++) {
                            String member = lines.readLine();
                            if (member != null && member.startsWith("d\t")) {
                                members.add(member.substring(2).split("\t", -1));
                            }
                        }
                        recorder.deadlock(nanos, pid, message, members);
                        onDeadlock.accept(message);
                    }
                    default -> {
                        // Q (thread left the JVM) is seen by the sampler too; unknown lines are ignored.
                    }
                }
            }
        } catch (IOException | RuntimeException agentGone) {
            // The JVM ended; its threads' ends are seen by the sampler.
        }
    }

    void close() {
        try {
            server.close();
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // Best effort.
        }
    }
}
