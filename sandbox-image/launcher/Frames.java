import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Everything the launcher tells the server travels on the container's stdout as frames:
 * {@code kind(1 byte) length(4 bytes, big endian) payload}. The program's own stdout and stderr are framed too,
 * so nothing the program prints can be mistaken for a report.
 */
final class Frames {
    static final char COMPILING = 'C';
    static final char DIAGNOSTIC = 'D';
    static final char COMPILE_FAILED = 'F';
    static final char RUNNING = 'R';
    static final char STDOUT = 'O';
    static final char STDERR = 'E';
    static final char TRACE = 'T';
    static final char DEADLOCK = 'K';
    static final char TEST_REPORT = 'G';
    static final char TESTS_DONE = 'Q';
    /** The container got SIGTERM: stopped from outside (docker stop, the engine shutting down), not by the server. */
    static final char STOPPED_FROM_OUTSIDE = 'S';

    private final DataOutputStream out = new DataOutputStream(
            new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 64 * 1024));

    synchronized void send(char kind, byte[] payload, int length) {
        try {
            out.write(kind);
            out.writeInt(length);
            out.write(payload, 0, length);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the server stopped reading", e);
        }
    }

    void send(char kind, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        send(kind, bytes, bytes.length);
    }
}
