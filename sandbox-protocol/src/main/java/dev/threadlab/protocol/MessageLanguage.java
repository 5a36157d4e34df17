package dev.threadlab.protocol;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The language the compiler's messages are written in, as the server names it: a BCP 47 tag such as {@code en} or
 * {@code zh-CN} ({@link RunSpec#language()}, the payload of {@link ServerFrame#COMPILE}). Empty or absent means
 * English. javac says its messages in the languages the JDK has them in, English otherwise.
 */
public final class MessageLanguage {
    private static final Pattern TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}");
    /** The longest tag the pattern allows, in bytes. */
    public static final int MAX_BYTES = 3 + 2 * 9;

    private MessageLanguage() {
    }

    public static Locale locale(String tag) throws ProtocolViolation {
        if (tag == null || tag.isEmpty()) {
            return Locale.ENGLISH;
        }
        if (!TAG.matcher(tag).matches()) {
            throw new ProtocolViolation("a message language that is no language tag: '" + tag + "'");
        }
        return Locale.forLanguageTag(tag);
    }
}
