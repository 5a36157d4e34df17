package dev.threadlab.runner;

import dev.threadlab.protocol.ReportSeal;
import dev.threadlab.protocol.RunnerReport;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * The sealed channel to the launcher. {@link #open} reads the run's key from the first line of stdin and connects to
 * the launcher's one-connection socket, before any tested class loads; from then on the key and the channel live only
 * in this module's private fields.
 */
final class ReportChannel {
    private static final int KEY_HEX_LENGTH = 64;

    private final OutputStream out;
    private final ReportSeal seal;

    private ReportChannel(OutputStream out, ReportSeal seal) {
        this.out = out;
        this.seal = seal;
    }

    static ReportChannel open(String socket) throws IOException {
        ReportSeal seal = ReportSeal.ofHex(readKey(new FileInputStream(FileDescriptor.in)));
        SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        return new ReportChannel(Channels.newOutputStream(channel), seal);
    }

    synchronized void send(RunnerReport report) {
        try {
            out.write((seal.seal(report) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            Runtime.getRuntime().halt(3); // the launcher is gone
        }
    }

    /** Ends this JVM after "done": threads the tested code left running must not keep the run alive. */
    void finish() {
        send(new RunnerReport.Done());
        Runtime.getRuntime().halt(0);
    }

    /**
     * The first line of stdin, read a byte at a time straight from the file descriptor so that nothing after it is
     * buffered here: the rest of stdin belongs to the tested code.
     */
    private static String readKey(InputStream stdin) throws IOException {
        byte[] key = new byte[KEY_HEX_LENGTH];
        int length = 0;
        for (int b = stdin.read(); b >= 0 && b != '\n'; b = stdin.read()) {
            if (length == key.length) {
                throw new IOException("the report key is too long");
            }
            key[length++] = (byte) b;
        }
        return new String(key, 0, length, StandardCharsets.US_ASCII);
    }

    /** A failure in a report's words: an assertion's own message, otherwise the exception's name and message. */
    static String describe(Throwable failure) {
        String lincheck = LincheckFailure.shortened(failure);
        if (lincheck != null) {
            return lincheck;
        }
        return failure.getMessage() == null ? failure.getClass().getName()
                : failure instanceof AssertionError ? failure.getMessage()
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
