package dev.threadlab.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One frame on the wire: {@code kind (1 byte) length (4 bytes, big endian) payload}.
 *
 * @param kind the kind's code byte
 */
public record Frame(byte kind, byte[] payload) {

    public static final int HEADER = 5;

    public static byte[] encode(byte kind, byte[] payload, int length) {
        return ByteBuffer.allocate(HEADER + length).put(kind).putInt(length).put(payload, 0, length).array();
    }

    public static byte[] encode(byte kind, byte[] payload) {
        return encode(kind, payload, payload.length);
    }

    public String text() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    /** {@code name NUL content}: a file as it travels in {@link ServerFrame#SOURCE} and {@link ServerFrame#TEST_CLASS}. */
    public static byte[] named(String name, byte[] content) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(nameBytes.length + 1 + content.length).put(nameBytes).put((byte) 0).put(content).array();
    }

    /** The name of a {@link #named} payload. */
    public String name() throws ProtocolViolation {
        return new String(payload, 0, nul(), StandardCharsets.UTF_8);
    }

    /** The content of a {@link #named} payload. */
    public byte[] content() throws ProtocolViolation {
        int nul = nul();
        byte[] content = new byte[payload.length - nul - 1];
        System.arraycopy(payload, nul + 1, content, 0, content.length);
        return content;
    }

    private int nul() throws ProtocolViolation {
        for (int i = 0; i < payload.length; i++) {
            if (payload[i] == 0) {
                return i;
            }
        }
        throw new ProtocolViolation("a named frame without a name");
    }
}
