package dev.threadlab.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {
    private final List<Frame> frames = new ArrayList<>();
    private final FrameDecoder decoder = FrameDecoder.forLauncherFrames(frames::add);

    @Test
    void framesSplitAcrossChunksAndSharingOneComeOutWhole() throws Exception {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.write(Frame.encode(LauncherFrame.COMPILING.code(), new byte[0]));
        stream.write(Frame.encode(LauncherFrame.STDOUT.code(), "hello, world\n".getBytes(StandardCharsets.UTF_8)));
        stream.write(Frame.encode(LauncherFrame.STDERR.code(), "oops".getBytes(StandardCharsets.UTF_8)));
        byte[] all = stream.toByteArray();
        for (int i = 0; i < all.length; i += 3) {
            decoder.accept(all, i, Math.min(3, all.length - i));
        }
        assertEquals(3, frames.size());
        assertEquals(LauncherFrame.COMPILING.code(), frames.get(0).kind());
        assertEquals("hello, world\n", frames.get(1).text());
        assertEquals("oops", frames.get(2).text());
        assertTrue(decoder.atBoundary());
    }

    @Test
    void anOversizedFrameIsRejectedFromItsHeaderAlone() {
        byte[] header = java.nio.ByteBuffer.allocate(5).put(LauncherFrame.DIAGNOSTIC.code())
                .putInt(LauncherFrame.DIAGNOSTIC.maxPayload() + 1).array();
        ProtocolViolation violation = assertThrows(ProtocolViolation.class, () -> decoder.accept(header, 0, 5));
        assertTrue(violation.getMessage().contains("DIAGNOSTIC") || violation.getMessage().contains("'D'"),
                violation.getMessage());
    }

    @Test
    void anUnknownKindIsRejected() {
        byte[] frame = Frame.encode((byte) 'Z', new byte[1]);
        assertThrows(ProtocolViolation.class, () -> decoder.accept(frame, 0, frame.length));
    }

    @Test
    void namedPayloadsKeepNameAndBytes() throws Exception {
        byte[] classBytes = {(byte) 0xca, (byte) 0xfe, 0, 1};
        Frame frame = new Frame(ServerFrame.TEST_CLASS.code(), Frame.named("demo.BankTest", classBytes));
        assertEquals("demo.BankTest", frame.name());
        assertArrayEquals(classBytes, frame.content());
    }
}
