package dev.threadlab.grading;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps what grading sends back and stores small whatever the learner's program wrote: a check's message is at most
 * {@link #CHECK_MESSAGE_BYTES}, a submission's result (its check messages and message) at most
 * {@link #RESULT_BYTES}, counted in UTF-8 bytes; a cut message ends with "…".
 */
public final class MessageLimit {
    public static final int CHECK_MESSAGE_BYTES = 1024;
    public static final int RESULT_BYTES = 64 * 1024;
    private static final String ELLIPSIS = "…";
    private static final int ELLIPSIS_BYTES = 3;

    private MessageLimit() {
    }

    /** The text, or its longest prefix that fits in {@code maxBytes} with a trailing "…"; never splits a character. */
    public static String cut(String text, int maxBytes) {
        if (text == null || bytes(text) <= maxBytes) {
            return text;
        }
        if (maxBytes < ELLIPSIS_BYTES) {
            return "";
        }
        // The encoder stops before a character that does not fit whole, surrogate pairs included.
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder();
        CharBuffer source = CharBuffer.wrap(text);
        encoder.encode(source, ByteBuffer.allocate(maxBytes - ELLIPSIS_BYTES), true);
        return text.substring(0, source.position()) + ELLIPSIS;
    }

    /**
     * Each check's message within its own limit, and all of them together within what one result may store. Once
     * that is spent, a check keeps no arguments and the page shows its English message.
     */
    public static List<CheckResult> fit(List<CheckResult> results, String message) {
        int left = RESULT_BYTES - (message == null ? 0 : bytes(message));
        List<CheckResult> fitted = new ArrayList<>();
        for (CheckResult result : results) {
            String cut = cut(result.message(), Math.max(0, Math.min(CHECK_MESSAGE_BYTES, left)));
            left -= cut == null ? 0 : bytes(cut);
            int argBytes = result.args() == null ? 0 : bytes(String.valueOf(result.args()));
            boolean keepArgs = argBytes <= left;
            left -= keepArgs ? argBytes : 0;
            fitted.add(result.withMessage(cut, keepArgs));
        }
        return List.copyOf(fitted);
    }

    static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
