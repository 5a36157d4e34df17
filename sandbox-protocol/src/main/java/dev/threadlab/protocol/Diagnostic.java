package dev.threadlab.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

/** One compiler message, as the launcher reports it in a {@link LauncherFrame#DIAGNOSTIC} frame. */
public record Diagnostic(String file, long line, long column, Severity severity, String message) {
    /**
     * Longest message kept; javac's longest real messages are a few hundred characters. Even escaped to six bytes a
     * character, with a 200-character path, the JSON stays inside a {@link LauncherFrame#DIAGNOSTIC} frame.
     */
    public static final int MAX_MESSAGE = 1000;

    public enum Severity { ERROR, WARNING }

    public Diagnostic {
        message = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "…" : message;
    }

    public String toJson() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("file", file);
        fields.put("line", line);
        fields.put("column", column);
        fields.put("severity", severity.name().toLowerCase(java.util.Locale.ROOT));
        fields.put("message", message);
        return FlatJson.write(fields);
    }

    public static Diagnostic fromJson(String text) throws ProtocolViolation {
        Map<String, Object> fields = FlatJson.read(text);
        String severity = FlatJson.string(fields, "severity");
        if (!severity.equals("error") && !severity.equals("warning")) {
            throw new ProtocolViolation("a diagnostic of severity '" + severity + "'");
        }
        return new Diagnostic(FlatJson.string(fields, "file"), FlatJson.number(fields, "line"),
                FlatJson.number(fields, "column"), Severity.valueOf(severity.toUpperCase(java.util.Locale.ROOT)),
                FlatJson.string(fields, "message"));
    }
}
