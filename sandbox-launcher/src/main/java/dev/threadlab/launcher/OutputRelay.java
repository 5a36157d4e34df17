package dev.threadlab.launcher;

import dev.threadlab.protocol.LauncherFrame;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Copies one of the program's output streams into frames as soon as bytes arrive. Drops the JVM's
 * "Picked up JAVA_TOOL_OPTIONS: ..." line, which only says that the JVM reads the trace options (see TracedJvm).
 */
final class OutputRelay implements Runnable {
    private final InputStream source;
    private final Frames frames;
    private final LauncherFrame kind;
    private final byte[] dropLine;
    private final ByteArrayOutputStream chunk = new ByteArrayOutputStream();
    private boolean atLineStart = true;
    private int matched;

    OutputRelay(InputStream source, Frames frames, LauncherFrame kind, String dropLine) {
        this.source = source;
        this.frames = frames;
        this.kind = kind;
        this.dropLine = dropLine == null ? new byte[0] : dropLine.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void run() {
        byte[] buffer = new byte[16 * 1024];
        try (source) {
            int read;
            while ((read = source.read(buffer)) > 0) {
                filter(buffer, read);
                if (chunk.size() > 0) {
                    frames.send(kind, chunk.toByteArray(), chunk.size());
                    chunk.reset();
                }
            }
        } catch (IOException closed) {
            // The program and every process sharing the pipe are gone.
        }
        if (matched > 0) {
            frames.send(kind, dropLine, matched);
        }
    }

    private void filter(byte[] buffer, int length) {
        for (int i = 0; i < length; i++) {
            byte b = buffer[i];
            if (dropLine.length > 0 && (matched > 0 || atLineStart)) {
                if (b == dropLine[matched]) {
                    if (++matched == dropLine.length) {
                        matched = 0;
                        atLineStart = true;
                    }
                    continue;
                }
                chunk.write(dropLine, 0, matched);
                matched = 0;
            }
            chunk.write(b);
            atLineStart = b == '\n';
        }
    }
}
