package dev.threadlab.lesson;

/**
 * Java source reduced to what a compiler sees, for comparing translations of a lesson: comments removed, runs of
 * whitespace outside literals made one space. String, character and text-block literals are kept exactly.
 */
public final class JavaCode {
    private JavaCode() {
    }

    public static String withoutComments(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        boolean pendingSpace = false;
        while (i < n) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                while (i < n && source.charAt(i) != '\n') {
                    i++;
                }
                pendingSpace = true;
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                pendingSpace = true;
            } else if (Character.isWhitespace(c)) {
                pendingSpace = true;
                i++;
            } else {
                if (pendingSpace && !out.isEmpty()) {
                    out.append(' ');
                }
                pendingSpace = false;
                int end = literalEnd(source, i);
                out.append(source, i, end);
                i = end;
            }
        }
        return out.toString();
    }

    /** The index just after the literal starting at {@code start}, or after the single character there. */
    private static int literalEnd(String source, int start) {
        char c = source.charAt(start);
        if (source.startsWith("\"\"\"", start)) {
            int end = source.indexOf("\"\"\"", start + 3);
            while (end > 0 && source.charAt(end - 1) == '\\') {
                end = source.indexOf("\"\"\"", end + 1);
            }
            return end < 0 ? source.length() : end + 3;
        }
        if (c != '"' && c != '\'') {
            return start + 1;
        }
        int i = start + 1;
        while (i < source.length() && source.charAt(i) != c && source.charAt(i) != '\n') {
            i += source.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(source.length(), i + 1);
    }
}
