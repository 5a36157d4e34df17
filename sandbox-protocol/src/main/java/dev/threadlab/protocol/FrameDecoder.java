package dev.threadlab.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * Cuts a byte stream into {@link Frame}s as chunks arrive (frames may be split across chunks or share one). The caller
 * says which codes exist and how large each may be; a length beyond that is rejected from the header alone, before
 * any of the payload is buffered.
 */
public final class FrameDecoder {

    /** What a frame kind may carry; null for an unknown code. */
    public interface Limits {
        Integer maxPayload(byte code);
    }

    /** Receives each whole frame. */
    public interface Sink {
        void frame(Frame frame) throws ProtocolViolation;
    }

    private final Limits limits;
    private final Sink sink;
    private final ByteBuffer header = ByteBuffer.allocate(Frame.HEADER);
    private ByteArrayOutputStream payload;
    private int remaining;
    private byte kind;

    public FrameDecoder(Limits limits, Sink sink) {
        this.limits = limits;
        this.sink = sink;
    }

    public static FrameDecoder forLauncherFrames(Sink sink) {
        return new FrameDecoder(code -> {
            LauncherFrame kind = LauncherFrame.of(code);
            return kind == null ? null : kind.maxPayload();
        }, sink);
    }

    public static FrameDecoder forServerFrames(Sink sink) {
        return new FrameDecoder(code -> {
            ServerFrame kind = ServerFrame.of(code);
            return kind == null ? null : kind.maxPayload();
        }, sink);
    }

    public void accept(byte[] chunk, int offset, int length) throws ProtocolViolation {
        int i = offset;
        int end = offset + length;
        while (i < end) {
            if (payload == null) {
                int n = Math.min(header.remaining(), end - i);
                header.put(chunk, i, n);
                i += n;
                if (header.hasRemaining()) {
                    return;
                }
                startFrame();
                continue;
            }
            int n = Math.min(remaining, end - i);
            payload.write(chunk, i, n);
            i += n;
            remaining -= n;
            if (remaining == 0) {
                byte[] body = payload.toByteArray();
                payload = null;
                sink.frame(new Frame(kind, body));
            }
        }
    }

    /** Whether the stream ended between frames (not in the middle of one). */
    public boolean atBoundary() {
        return payload == null && header.position() == 0;
    }

    private void startFrame() throws ProtocolViolation {
        header.flip();
        kind = header.get();
        remaining = header.getInt();
        header.clear();
        Integer max = limits.maxPayload(kind);
        if (max == null) {
            throw new ProtocolViolation("an unknown frame kind " + (kind & 0xff));
        }
        if (remaining < 0 || remaining > max) {
            throw new ProtocolViolation("a frame of kind '" + (char) kind + "' with " + remaining + " bytes (at most " + max + ")");
        }
        payload = new ByteArrayOutputStream(Math.min(remaining, 64 * 1024));
        if (remaining == 0) {
            payload = null;
            sink.frame(new Frame(kind, new byte[0]));
        }
    }
}
