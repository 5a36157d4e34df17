package dev.threadlab.launcher;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/** A JSON string literal, escaped by Jackson, for the trace lines the recorder builds on its hot path. */
final class Json {
    private Json() {
    }

    static String string(String s) {
        StringBuilder quoted = new StringBuilder(s.length() + 2).append('"');
        JsonStringEncoder.getInstance().quoteAsString(s, quoted);
        return quoted.append('"').toString();
    }
}
