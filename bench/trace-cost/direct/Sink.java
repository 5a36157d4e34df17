import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Stands in for the launcher's AgentHub: accepts the tracers' connections and throws their lines away. With an
 * argument, computes for that many nanoseconds per byte received first, as the launcher works on the tracers' lines
 * when they arrive, and prints each connection's bytes and the CPU it burnt on stderr. Usage: Sink [ns per byte].
 */
public class Sink {
    static volatile long counter;

    public static void main(String[] args) throws Exception {
        long perByte = args.length > 0 ? Long.parseLong(args[0]) : 0;
        Path path = Path.of("/tmp/.threadlab-trace.sock");
        Files.deleteIfExists(path);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-rw-rw-"));
        while (true) {
            SocketChannel agent = server.accept();
            Thread reader = new Thread(() -> drain(agent, perByte));
            reader.setDaemon(true);
            reader.start();
        }
    }

    private static void drain(SocketChannel agent, long perByte) {
        ByteBuffer buffer = ByteBuffer.allocate(65536);
        long total = 0, burnt = 0;
        try {
            for (int n; (n = agent.read(buffer)) >= 0; buffer.clear()) {
                total += n;
                long start = System.nanoTime(), end = start + n * perByte;
                while (System.nanoTime() < end) {
                    counter++;
                }
                burnt += System.nanoTime() - start;
            }
        } catch (Exception gone) {
            // the JVM ended
        }
        if (perByte > 0) {
            System.err.println("sink bytes " + total + " burn-ms " + burnt / 1_000_000);
        }
    }
}
