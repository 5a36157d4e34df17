package dev.threadlab.launcher;

import dev.threadlab.protocol.Frame;
import dev.threadlab.protocol.LauncherExit;
import dev.threadlab.protocol.LauncherFrame;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Everything the launcher tells the server travels on the container's stdout as {@link Frame}s of a
 * {@link LauncherFrame} kind. The program's own stdout and stderr are framed too, and the program runs under another
 * uid, so it can neither write here nor make its output pass for a report.
 */
final class Frames {
    private final DataOutputStream out;
    private boolean closed;

    /** Frames on the container's stdout. */
    Frames() {
        this(new FileOutputStream(FileDescriptor.out));
    }

    Frames(OutputStream stream) {
        this.out = new DataOutputStream(new BufferedOutputStream(stream, 64 * 1024));
    }

    synchronized void send(LauncherFrame kind, byte[] payload, int length) {
        if (closed) {
            return;
        }
        if (length > kind.maxPayload()) {
            throw new IllegalArgumentException(kind + " frame of " + length + " bytes");
        }
        try {
            out.write(kind.code());
            out.writeInt(length);
            out.write(payload, 0, length);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the server stopped reading", e);
        }
    }

    void send(LauncherFrame kind, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        send(kind, bytes, bytes.length);
    }

    /** Trace text, split at line ends into frames the server accepts. */
    void sendTrace(String lines) {
        int max = LauncherFrame.TRACE.maxPayload() / 4; // a UTF-8 character takes at most 4 bytes
        int start = 0;
        while (lines.length() - start > max) {
            int cut = lines.lastIndexOf('\n', start + max);
            cut = cut <= start ? start + max : cut + 1;
            send(LauncherFrame.TRACE, lines.substring(start, cut));
            start = cut;
        }
        if (start < lines.length()) {
            send(LauncherFrame.TRACE, lines.substring(start));
        }
    }

    /** Sends a last frame (or none) and ends the launcher; no frame can follow, not even half of one. */
    synchronized void finish(LauncherFrame last, String text, int exitCode) {
        if (last != null) {
            send(last, text);
        }
        send(LauncherFrame.EXITING, new LauncherExit(exitCode, OomKills.count()).toJson());
        closed = true;
        Runtime.getRuntime().halt(exitCode);
    }
}
