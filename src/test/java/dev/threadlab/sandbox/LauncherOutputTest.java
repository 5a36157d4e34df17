package dev.threadlab.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LauncherOutputTest {

    private final List<String> events = new ArrayList<>();
    private final List<CompileDiagnostic> diagnostics = new ArrayList<>();
    private final LauncherOutput output = new LauncherOutput(new ObjectMapper(), new SandboxListener() {
        public void compiling() {
            events.add("compiling");
        }

        public void diagnostics(List<CompileDiagnostic> found) {
            diagnostics.addAll(found);
        }

        public void running() {
            events.add("running");
        }

        public void stdout(String text) {
        }

        public void stderr(String text) {
        }
    });

    @Test
    void reportsSplitAcrossChunksAndProgramOutputInTheSameChunk() {
        byte[] none = output.accept(bytes("\u001eTL COMPI"));
        assertArrayEquals(new byte[0], none);
        output.accept(bytes("LING\n\u001eTL DIAGNOSTIC {\"file\":\"Main.java\",\"line\":2,\"column\":5,"));
        output.accept(bytes("\"severity\":\"warning\",\"message\":\"unchecked\"}\n"));
        byte[] program = output.accept(bytes("\u001eTL RUNNING\nhello\n"));
        assertEquals("hello\n", new String(program, StandardCharsets.UTF_8));
        assertEquals(List.of("compiling", "running"), events);
        assertEquals(List.of(new CompileDiagnostic("Main.java", 2, 5, "warning", "unchecked")), diagnostics);
        // After RUNNING, even text that looks like a report is the program's own output.
        assertEquals("\u001eTL COMPILE_FAILED\n", new String(output.accept(bytes("\u001eTL COMPILE_FAILED\n")), StandardCharsets.UTF_8));
        assertEquals(LauncherOutput.Phase.RUNNING, output.phase());
    }

    @Test
    void compileFailureCarriesItsDiagnostics() {
        output.accept(bytes("\u001eTL COMPILING\n\u001eTL DIAGNOSTIC {\"file\":\"Main.java\",\"line\":1,\"column\":1,\"severity\":\"error\",\"message\":\"x\"}\n\u001eTL COMPILE_FAILED\n"));
        assertEquals(LauncherOutput.Phase.COMPILE_FAILED, output.phase());
        assertEquals(1, diagnostics.size());
    }

    @Test
    void strayTextBeforeTheProgramStartsIsKeptForErrors() {
        output.accept(bytes("Exception in launcher\n"));
        assertEquals("Exception in launcher\n", output.unexpectedOutput());
        assertEquals(LauncherOutput.Phase.STARTING, output.phase());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
