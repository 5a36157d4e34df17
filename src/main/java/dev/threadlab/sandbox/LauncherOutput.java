package dev.threadlab.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the launcher's frames from the container's stdout ({@code kind(1) length(4) payload}; see Frames.java in
 * sandbox-image): compile reports, the program's stdout and stderr, trace batches and a deadlock report. Frames
 * may be split across or share Docker chunks.
 */
final class LauncherOutput {
    private static final int MAX_FRAME = 8 * 1024 * 1024;

    enum Phase { STARTING, COMPILING, COMPILE_FAILED, RUNNING }

    /** Receives the program's own output bytes. */
    interface ProgramOutput {
        void write(byte[] bytes, boolean isStdout);
    }

    private final ObjectMapper json;
    private final SandboxListener listener;
    private final ProgramOutput programOutput;
    private final ByteBuffer header = ByteBuffer.allocate(5);
    private final List<CompileDiagnostic> diagnostics = new ArrayList<>();
    private final StringBuilder problems = new StringBuilder();
    private ByteArrayOutputStream payload;
    private int remaining;
    private char kind;
    private boolean corrupt;
    private volatile String deadlock;
    private volatile boolean stoppedFromOutside;
    private volatile Phase phase = Phase.STARTING;

    LauncherOutput(ObjectMapper json, SandboxListener listener, ProgramOutput programOutput) {
        this.json = json;
        this.listener = listener;
        this.programOutput = programOutput;
    }

    Phase phase() {
        return phase;
    }

    /** The cycle the launcher reported when it stopped a deadlocked program, or null. */
    String deadlock() {
        return deadlock;
    }

    /** The container was stopped by someone other than the server (docker stop, the engine shutting down). */
    boolean stoppedFromOutside() {
        return stoppedFromOutside;
    }

    /** True once the stream stopped making sense; nothing after that point can be trusted. */
    synchronized boolean broken() {
        return corrupt;
    }

    /** What went wrong with the stream itself (shown when the launcher fails). */
    synchronized String problems() {
        return problems.toString();
    }

    synchronized void accept(byte[] chunk) {
        int i = 0;
        while (i < chunk.length && !corrupt) {
            if (payload == null) {
                int n = Math.min(header.remaining(), chunk.length - i);
                header.put(chunk, i, n);
                i += n;
                if (header.hasRemaining()) {
                    return;
                }
                header.flip();
                kind = (char) header.get();
                remaining = header.getInt();
                header.clear();
                if (remaining < 0 || remaining > MAX_FRAME) {
                    corrupt = true;
                    problems.append("The launcher sent a malformed frame (kind ").append((int) kind).append(").\n");
                    return;
                }
                payload = new ByteArrayOutputStream(Math.min(remaining, 64 * 1024));
            }
            int n = Math.min(remaining, chunk.length - i);
            payload.write(chunk, i, n);
            i += n;
            remaining -= n;
            if (remaining == 0) {
                byte[] body = payload.toByteArray();
                payload = null;
                handle(kind, body);
            }
        }
    }

    private void handle(char frameKind, byte[] body) {
        switch (frameKind) {
            case 'C' -> {
                phase = Phase.COMPILING;
                listener.compiling();
            }
            case 'D' -> diagnostics.add(parseDiagnostic(text(body)));
            case 'F' -> {
                phase = Phase.COMPILE_FAILED;
                listener.diagnostics(List.copyOf(diagnostics));
            }
            case 'R' -> {
                if (!diagnostics.isEmpty()) {
                    listener.diagnostics(List.copyOf(diagnostics));
                }
                phase = Phase.RUNNING;
                listener.running();
            }
            case 'O' -> programOutput.write(body, true);
            case 'E' -> programOutput.write(body, false);
            case 'T' -> listener.trace(text(body));
            case 'K' -> deadlock = text(body);
            case 'G' -> parseTestReport(text(body));
            case 'Q' -> listener.testsFinished();
            case 'S' -> stoppedFromOutside = true;
            default -> problems.append("The launcher sent an unknown frame (kind ").append((int) frameKind).append(").\n");
        }
    }

    private void parseTestReport(String text) {
        try {
            listener.testReport(json.readValue(text, TestReport.class));
        } catch (Exception e) {
            problems.append("The test runner sent an unreadable report.\n");
        }
    }

    private CompileDiagnostic parseDiagnostic(String text) {
        try {
            return json.readValue(text, CompileDiagnostic.class);
        } catch (Exception e) {
            return new CompileDiagnostic("", 0, 0, "error", text);
        }
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
