package dev.threadlab.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The launcher's last word, in its {@link LauncherFrame#EXITING} frame: the exit code it ends with, and how many
 * processes the kernel's out-of-memory killer ended in the container so far ({@code -1}: the launcher could not tell,
 * and the server asks the engine instead).
 */
public record LauncherExit(int exitCode, long oomKills) {

    public boolean oomKnown() {
        return oomKills >= 0;
    }

    public String toJson() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("exitCode", exitCode);
        fields.put("oomKills", oomKills);
        return FlatJson.write(fields);
    }

    public static LauncherExit fromJson(String text) throws ProtocolViolation {
        Map<String, Object> fields = FlatJson.read(text);
        long exitCode = FlatJson.number(fields, "exitCode");
        if (exitCode < 0 || exitCode > 255) {
            throw new ProtocolViolation("an exit code of " + exitCode);
        }
        return new LauncherExit((int) exitCode, Math.max(-1, FlatJson.number(fields, "oomKills")));
    }
}
