package dev.threadlab.tracer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Connects this JVM to the launcher's trace socket and starts the {@link JavaThreadTracer} on its own daemon thread.
 * The connection and its hello ({@code H pid tid javaId}, naming the thread that runs {@code main}) are made here, on the thread that starts the JVM's program (before
 * {@code main}, or in the agent's {@code premain}): the launcher takes one hello per process, so this one, made before
 * any of the program's code runs, is the one it believes, and a later connection claiming the same process is refused.
 * A class of its own, so that the program's main thread loads only this small class and the tracer's code is loaded
 * and verified on the tracer's thread.
 */
final class TracerThread implements Runnable {
    /** The launcher recognises the tracer's own thread by this name and leaves it out of the trace. */
    static final String NAME = "threadlab-trace";

    private final OutputStream channel;

    private TracerThread(OutputStream channel) {
        this.channel = channel;
    }

    /** Starts tracing this JVM if the launcher asked for a trace and the native agent does not; returns at once. */
    static void start() {
        String socket = System.getenv("THREADLAB_TRACE_SOCKET");
        if (socket == null || socket.isEmpty() || NativeAgent.loaded()) {
            return;
        }
        OutputStream channel;
        try {
            SocketChannel connection = SocketChannel.open(StandardProtocolFamily.UNIX);
            connection.connect(UnixDomainSocketAddress.of(socket));
            channel = Channels.newOutputStream(connection);
            // The hello names this thread too (the one that runs main): so main is known even if the program ends
            // before the tracer's first sample.
            String self = Files.readSymbolicLink(Path.of("/proc/thread-self")).toString();
            channel.write(("H\t" + ProcessHandle.current().pid() + "\t" + self.substring(self.lastIndexOf('/') + 1) + "\t"
                    + Thread.currentThread().getId() + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException noLauncher) {
            return; // tracing is best effort and never disturbs the program
        }
        // A named class, not a lambda: the first lambda of a JVM costs milliseconds of bootstrap.
        Thread thread = new Thread(new TracerThread(channel), NAME);
        ThreadIds.giveBack(thread);
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
        thread.start();
    }

    @Override
    public void run() {
        new JavaThreadTracer(channel).run();
    }
}
