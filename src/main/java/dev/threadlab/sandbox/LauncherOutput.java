package dev.threadlab.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the launcher's report lines ({@code \u001eTL <word> [json]}) from the start of the container's stdout.
 * Once the launcher reports RUNNING, the rest of stdout belongs to the program and is handed back untouched.
 */
final class LauncherOutput {
    static final String MARK = "\u001eTL ";

    enum Phase { STARTING, COMPILING, COMPILE_FAILED, RUNNING }

    private final ObjectMapper json;
    private final SandboxListener listener;
    private final ByteArrayOutputStream pendingLine = new ByteArrayOutputStream();
    private final List<CompileDiagnostic> diagnostics = new ArrayList<>();
    private final StringBuilder unexpected = new StringBuilder();
    private volatile Phase phase = Phase.STARTING;

    LauncherOutput(ObjectMapper json, SandboxListener listener) {
        this.json = json;
        this.listener = listener;
    }

    Phase phase() {
        return phase;
    }

    /** Text the launcher printed that was not a report line (shown when the launcher itself fails). */
    String unexpectedOutput() {
        return unexpected.toString();
    }

    /**
     * Consumes launcher report bytes; returns the bytes of this chunk that are program output (after RUNNING),
     * or an empty array.
     */
    byte[] accept(byte[] chunk) {
        if (phase == Phase.RUNNING) {
            return chunk;
        }
        for (int i = 0; i < chunk.length; i++) {
            if (chunk[i] != '\n') {
                pendingLine.write(chunk[i]);
                continue;
            }
            handleLine(pendingLine.toString(StandardCharsets.UTF_8));
            pendingLine.reset();
            if (phase == Phase.RUNNING) {
                byte[] rest = new byte[chunk.length - i - 1];
                System.arraycopy(chunk, i + 1, rest, 0, rest.length);
                return rest;
            }
        }
        return new byte[0];
    }

    private void handleLine(String line) {
        if (!line.startsWith(MARK)) {
            unexpected.append(line).append('\n');
            return;
        }
        String report = line.substring(MARK.length());
        int space = report.indexOf(' ');
        String word = space < 0 ? report : report.substring(0, space);
        switch (word) {
            case "COMPILING" -> {
                phase = Phase.COMPILING;
                listener.compiling();
            }
            case "DIAGNOSTIC" -> diagnostics.add(parseDiagnostic(report.substring(space + 1)));
            case "COMPILE_FAILED" -> {
                phase = Phase.COMPILE_FAILED;
                listener.diagnostics(List.copyOf(diagnostics));
            }
            case "RUNNING" -> {
                if (!diagnostics.isEmpty()) {
                    listener.diagnostics(List.copyOf(diagnostics));
                }
                phase = Phase.RUNNING;
                listener.running();
            }
            default -> unexpected.append(line).append('\n');
        }
    }

    private CompileDiagnostic parseDiagnostic(String text) {
        try {
            return json.readValue(text, CompileDiagnostic.class);
        } catch (Exception e) {
            return new CompileDiagnostic("", 0, 0, "error", text);
        }
    }
}
