package dev.threadlab.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.threadlab.protocol.Diagnostic;
import dev.threadlab.protocol.Frame;
import dev.threadlab.protocol.LauncherFrame;
import dev.threadlab.protocol.ProtocolViolation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The compile service reads every learner's sources, so its answers are checked like a run's stream. */
class CompileAnswerTest {
    private final CompileAnswer answer = new CompileAnswer();

    private static Frame frame(LauncherFrame kind, byte[] payload) {
        return new Frame(kind.code(), payload);
    }

    private static Frame classFile(String name, int size) {
        return frame(LauncherFrame.CLASS_FILE, Frame.named(name, new byte[size]));
    }

    @Test
    void anAnswerIsItsMessagesAndClassesUntilItsEnd() throws Exception {
        Diagnostic warning = new Diagnostic("Main.java", 3, 5, Diagnostic.Severity.WARNING, "unchecked");
        assertNull(answer.add(frame(LauncherFrame.DIAGNOSTIC, warning.toJson().getBytes(StandardCharsets.UTF_8))));
        assertNull(answer.add(frame(LauncherFrame.CLASS_FILE, Frame.named("demo.Main", new byte[] {1, 2, 3}))));
        CompileAnswer.Result result = answer.add(frame(LauncherFrame.COMPILED, "1".getBytes(StandardCharsets.UTF_8)));
        assertTrue(result.compiled());
        assertEquals(List.of(new CompileDiagnostic("Main.java", 3, 5, "warning", "unchecked")), result.diagnostics());
        assertArrayEquals(new byte[] {1, 2, 3}, result.classes().get("demo.Main"));
    }

    @Test
    void aFailedCompilationSaysSo() throws Exception {
        assertEquals(false, answer.add(frame(LauncherFrame.COMPILED, "0".getBytes(StandardCharsets.UTF_8))).compiled());
    }

    @Test
    void aRunsFramesFromTheCompileServiceAreForged() {
        for (LauncherFrame kind : List.of(LauncherFrame.COMPILING, LauncherFrame.RUNNING, LauncherFrame.STDOUT,
                LauncherFrame.TEST_REPORT, LauncherFrame.EXITING)) {
            assertThrows(ProtocolViolation.class, () -> new CompileAnswer().add(frame(kind, new byte[0])), kind.name());
        }
        assertThrows(ProtocolViolation.class, () -> answer.add(new Frame((byte) 'Z', new byte[0])));
    }

    @Test
    void moreClassesThanAProgramMayHaveAreRefused() throws Exception {
        for (int i = 0; i < 8; i++) {
            answer.add(classFile("Big" + i, 4 * 1024 * 1024 - 16));
        }
        assertThrows(ProtocolViolation.class, () -> answer.add(classFile("OneTooMany", 200)));
        CompileAnswer many = new CompileAnswer();
        for (int i = 0; i < LauncherFrame.CLASS_FILE.maxCount(); i++) {
            many.add(classFile("C" + i, 1));
        }
        assertThrows(ProtocolViolation.class, () -> many.add(classFile("Extra", 1)));
    }
}
