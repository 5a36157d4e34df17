package dev.threadlab.sandbox;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns output bytes into text chunk by chunk, keeping a character split across two chunks whole.
 * Bytes that are not UTF-8 become U+FFFD rather than failing the run.
 */
final class Utf8Stream {
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private ByteBuffer leftover = ByteBuffer.allocate(0);

    synchronized String decode(byte[] bytes) {
        ByteBuffer input = ByteBuffer.allocate(leftover.remaining() + bytes.length);
        input.put(leftover).put(bytes).flip();
        CharBuffer output = CharBuffer.allocate(input.remaining() + 1);
        decoder.decode(input, output, false);
        leftover = input.slice();
        return output.flip().toString();
    }

    synchronized String finish() {
        CharBuffer output = CharBuffer.allocate(leftover.remaining() + 1);
        decoder.decode(leftover, output, true);
        decoder.flush(output);
        leftover = ByteBuffer.allocate(0);
        return output.flip().toString();
    }
}
