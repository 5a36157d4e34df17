package dev.threadlab.sandbox;

import dev.threadlab.protocol.CompileOrder;
import dev.threadlab.protocol.Frame;
import dev.threadlab.protocol.RunSpec;
import dev.threadlab.protocol.ServerFrame;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The container's stdin as Docker's attach reads it: frames for the sandbox launcher
 * ({@link ServerFrame}s; see the sandbox-protocol module). Writers append frames from any thread;
 * Docker's copier thread blocks in {@link #read} until one is there.
 */
final class LauncherStdin extends InputStream {
    private static final byte[] END_OF_STREAM = new byte[0];

    private final LinkedBlockingQueue<byte[]> frames = new LinkedBlockingQueue<>();
    private byte[] current = new byte[0];
    private int position;
    private volatile boolean inputClosed;
    private volatile boolean streamClosed;

    void sendFile(String name, String content) {
        frames.add(frame(ServerFrame.SOURCE, Frame.named(name, content.getBytes(StandardCharsets.UTF_8))));
    }

    /** A class of the learner's program, compiled by the {@link CompileService}. */
    void sendClassFile(String binaryName, byte[] classFile) {
        frames.add(frame(ServerFrame.CLASS_FILE, Frame.named(binaryName, classFile)));
    }

    /** To the compile service: compile the files sent since the last request, as {@code order} says. */
    void sendCompile(CompileOrder order) {
        frames.add(frame(ServerFrame.COMPILE, order.toPayload()));
    }

    /** A hidden test class, compiled by the server: the container never sees the tests' source. */
    void sendTestClass(String binaryName, byte[] classFile) {
        frames.add(frame(ServerFrame.TEST_CLASS, Frame.named(binaryName, classFile)));
    }

    /** What to do with the files sent so far; the launcher starts when it has this. */
    void sendSpec(RunSpec spec) {
        frames.add(frame(ServerFrame.RUN_SPEC, spec.toJson()));
    }

    synchronized void sendInput(String text) {
        if (!inputClosed && !text.isEmpty()) {
            frames.add(frame(ServerFrame.STDIN, text.getBytes(StandardCharsets.UTF_8)));
        }
    }

    synchronized void closeInput() {
        if (!inputClosed) {
            inputClosed = true;
            frames.add(frame(ServerFrame.STDIN_END, new byte[0]));
        }
    }

    /** Ends the stream for Docker's copier thread (the container is going away). */
    @Override
    public void close() {
        streamClosed = true;
        frames.add(END_OF_STREAM);
    }

    @Override
    public int read() throws java.io.IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        while (position == current.length) {
            if (streamClosed && frames.isEmpty()) {
                return -1;
            }
            try {
                current = frames.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
            position = 0;
            if (current == END_OF_STREAM) {
                return -1;
            }
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, buffer, offset, n);
        position += n;
        return n;
    }

    private static byte[] frame(ServerFrame kind, byte[] payload) {
        return Frame.encode(kind.code(), payload);
    }
}
