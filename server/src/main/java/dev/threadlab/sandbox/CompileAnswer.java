package dev.threadlab.sandbox;

import dev.threadlab.protocol.Diagnostic;
import dev.threadlab.protocol.Frame;
import dev.threadlab.protocol.LauncherFrame;
import dev.threadlab.protocol.ProtocolViolation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compile service's answer to one request, as its frames arrive: {@link LauncherFrame#DIAGNOSTIC}s and
 * {@link LauncherFrame#CLASS_FILE}s, ended by {@link LauncherFrame#COMPILED}. The service compiles learners' sources,
 * so its stream is checked like a run's: any other kind, or more than the limits, is a {@link ProtocolViolation}, and
 * the server stops trusting that service.
 */
final class CompileAnswer {
    /** All class files of one program together; a frame may carry 4 MiB. */
    static final long MAX_CLASS_BYTES = 32L * 1024 * 1024;

    /** What came back: whether the sources compiled, javac's messages, and the classes by binary name. */
    record Result(boolean compiled, List<CompileDiagnostic> diagnostics, Map<String, byte[]> classes) {
    }

    private final List<CompileDiagnostic> diagnostics = new ArrayList<>();
    private final Map<String, byte[]> classes = new LinkedHashMap<>();
    private long classBytes;

    /** Takes the next frame; returns the result once the answer is complete, null before. */
    Result add(Frame frame) throws ProtocolViolation {
        LauncherFrame kind = LauncherFrame.of(frame.kind());
        if (kind == null || frame.payload().length > kind.maxPayload()) {
            throw new ProtocolViolation("a malformed frame from the compile service");
        }
        switch (kind) {
            case DIAGNOSTIC -> addDiagnostic(frame);
            case CLASS_FILE -> addClass(frame);
            case COMPILED -> {
                return new Result("1".equals(frame.text()), List.copyOf(diagnostics), Map.copyOf(classes));
            }
            default -> throw new ProtocolViolation("a " + kind + " frame from the compile service");
        }
        return null;
    }

    private void addDiagnostic(Frame frame) throws ProtocolViolation {
        if (diagnostics.size() >= LauncherFrame.DIAGNOSTIC.maxCount()) {
            throw new ProtocolViolation("more than " + LauncherFrame.DIAGNOSTIC.maxCount() + " compiler messages");
        }
        diagnostics.add(CompileDiagnostic.from(Diagnostic.fromJson(frame.text())));
    }

    private void addClass(Frame frame) throws ProtocolViolation {
        byte[] content = frame.content();
        classBytes += content.length;
        if (classes.size() >= LauncherFrame.CLASS_FILE.maxCount() || classBytes > MAX_CLASS_BYTES) {
            throw new ProtocolViolation("more classes than a program may have");
        }
        classes.put(frame.name(), content);
    }
}
