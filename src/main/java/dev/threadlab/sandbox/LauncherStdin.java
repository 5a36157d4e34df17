package dev.threadlab.sandbox;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The container's stdin as Docker's attach reads it: frames for the sandbox launcher
 * ({@code kind, length, payload}; see SandboxLauncher in sandbox-image). Writers append frames from any thread;
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
        frames.add(frame('F', namedPayload(name, content)));
    }

    /** A JUnit test source: compiled against the program, never part of it. */
    void sendTestFile(String name, String content) {
        frames.add(frame('X', namedPayload(name, content)));
    }

    private static byte[] namedPayload(String name, String content) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        byte[] contentBytes = content.getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[nameBytes.length + 1 + contentBytes.length];
        System.arraycopy(nameBytes, 0, payload, 0, nameBytes.length);
        System.arraycopy(contentBytes, 0, payload, nameBytes.length + 1, contentBytes.length);
        return payload;
    }

    /**
     * Compile and run {@code mainClass}; a positive {@code traceSampleHz} turns the scheduling trace on. The run
     * frame is {@code mainClass NUL options} followed by {@code NUL jvmOption} for each option for the program's JVM.
     */
    void sendRun(String mainClass, int traceSampleHz, List<String> jvmOptions) {
        frames.add(runFrame(mainClass, traceOption(traceSampleHz), jvmOptions));
    }

    /** Compile the sources and the test files, then run these JUnit test classes (repeat times) instead of a main class. */
    void sendTestRun(List<String> testClasses, int repeat, int traceSampleHz, List<String> jvmOptions) {
        String options = traceOption(traceSampleHz) + ",repeat=" + repeat + ",tests=" + String.join(";", testClasses);
        frames.add(runFrame("", options, jvmOptions));
    }

    private static byte[] runFrame(String mainClass, String options, List<String> jvmOptions) {
        StringBuilder run = new StringBuilder(mainClass).append('\0').append(options);
        jvmOptions.forEach(option -> run.append('\0').append(option));
        return frame('R', run.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Only compile the sources; the launcher exits 0 when they compile. */
    void sendCompileOnly() {
        frames.add(frame('R', "\0compile-only".getBytes(StandardCharsets.UTF_8)));
    }

    private static String traceOption(int traceSampleHz) {
        return traceSampleHz > 0 ? "trace=on,hz=" + traceSampleHz : "trace=off";
    }

    synchronized void sendInput(String text) {
        if (!inputClosed && !text.isEmpty()) {
            frames.add(frame('I', text.getBytes(StandardCharsets.UTF_8)));
        }
    }

    synchronized void closeInput() {
        if (!inputClosed) {
            inputClosed = true;
            frames.add(frame('E', new byte[0]));
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

    private static byte[] frame(char kind, byte[] payload) {
        return ByteBuffer.allocate(5 + payload.length).put((byte) kind).putInt(payload.length).put(payload).array();
    }
}
