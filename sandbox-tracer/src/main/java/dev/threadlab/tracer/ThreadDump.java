package dev.threadlab.tracer;

import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * Takes this JVM's thread dump ({@code jcmd <pid> Thread.print}) through HotSpot's attach socket, which every traced
 * JVM opens at start-up ({@code -XX:+StartAttachListener}).
 *
 * <p>Why not {@code com.sun.management.internal.DiagnosticCommandImpl}, the in-process route: it is not exported, and
 * opening it needs either {@code Instrumentation} (a Java agent) or {@code --add-exports}; both turn off the CDS
 * archive's pre-resolved module graph, which costs 10-40 ms of every JVM start. The public route, the platform MBean
 * server, costs about 0.5 s.
 */
final class ThreadDump {
    /** Attach protocol 1: version, command, then exactly three arguments, each ending in NUL. */
    private static final byte[] REQUEST = "1\0jcmd\0Thread.print\0\0\0".getBytes(StandardCharsets.US_ASCII);

    private final UnixDomainSocketAddress socket =
            UnixDomainSocketAddress.of("/tmp/.java_pid" + ProcessHandle.current().pid());

    /** The dump's text, or null if the JVM does not answer (no attach listener yet, or attach disabled). */
    String take() {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(socket);
            channel.write(ByteBuffer.wrap(REQUEST));
            InputStream in = Channels.newInputStream(channel);
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // The first line is the command's result code.
            return answer.startsWith("0\n") ? answer.substring(2) : null;
        } catch (IOException | RuntimeException noAnswer) {
            return null;
        }
    }
}
