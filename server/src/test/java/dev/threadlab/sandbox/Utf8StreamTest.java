package dev.threadlab.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Utf8StreamTest {

    @Test
    void keepsACharacterSplitAcrossChunksWhole() {
        byte[] text = "a线程b".getBytes(StandardCharsets.UTF_8);
        Utf8Stream stream = new Utf8Stream();
        String first = stream.decode(Arrays.copyOfRange(text, 0, 2));
        String second = stream.decode(Arrays.copyOfRange(text, 2, 5));
        String rest = stream.decode(Arrays.copyOfRange(text, 5, text.length));
        assertEquals("a", first);
        assertEquals("线", second);
        assertEquals("程b", rest);
        assertEquals("", stream.finish());
    }

    @Test
    void invalidBytesBecomeReplacementCharacters() {
        Utf8Stream stream = new Utf8Stream();
        assertEquals("x\uFFFDy", stream.decode(new byte[] {'x', (byte) 0xFF, 'y'}));
        assertEquals("", stream.decode(new byte[] {(byte) 0xE7}));
        assertEquals("\uFFFD", stream.finish());
    }
}
