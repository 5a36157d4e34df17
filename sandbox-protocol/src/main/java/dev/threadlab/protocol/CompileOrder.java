package dev.threadlab.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The payload of {@link ServerFrame#COMPILE}: the release to compile for and the language of the compiler's messages,
 * as ASCII {@code "25"} or {@code "25 zh-CN"}.
 *
 * @param jdk what {@code javac --release} targets
 * @param language a BCP 47 tag ({@link MessageLanguage}); null is English
 */
public record CompileOrder(JavaRelease jdk, String language) {
    /** The longest payload: two digits, a space and the longest tag. */
    public static final int MAX_BYTES = 3 + MessageLanguage.MAX_BYTES;

    public CompileOrder {
        if (jdk == null) {
            throw new IllegalArgumentException("a compile order needs a release");
        }
        language = language == null || language.isEmpty() ? null : language;
    }

    public byte[] toPayload() {
        String text = jdk.feature() + (language == null ? "" : " " + language);
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    public Locale locale() throws ProtocolViolation {
        return MessageLanguage.locale(language);
    }

    public static CompileOrder fromPayload(byte[] payload) throws ProtocolViolation {
        String text = new String(payload, StandardCharsets.US_ASCII);
        int space = text.indexOf(' ');
        String release = space < 0 ? text : text.substring(0, space);
        String language = space < 0 ? null : text.substring(space + 1);
        try {
            CompileOrder order = new CompileOrder(JavaRelease.of(Integer.parseInt(release)), language);
            order.locale();
            return order;
        } catch (IllegalArgumentException e) {
            throw new ProtocolViolation("an unreadable compile order '" + text + "': " + e.getMessage());
        }
    }
}
