package dev.threadlab.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.threadlab.protocol.DeadlockCycle;
import dev.threadlab.protocol.LaunchPhase;
import dev.threadlab.protocol.LauncherExit;
import dev.threadlab.protocol.ReportSeal;
import dev.threadlab.protocol.RunnerReport;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LauncherOutputTest {
    private static final String KEY = ReportSeal.newKey();

    private final List<String> events = new ArrayList<>();
    private final List<CompileDiagnostic> diagnostics = new ArrayList<>();
    private final StringBuilder program = new StringBuilder();
    private final LauncherOutput output = new LauncherOutput(new SandboxListener() {
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

        public void trace(String jsonLines) {
            events.add("trace " + jsonLines);
        }

        public void testReport(TestReport report) {
            events.add("test " + report.method() + " " + report.passed());
        }

        public void testsFinished() {
            events.add("tests done");
        }
    }, (bytes, isStdout) -> program.append(isStdout ? "out:" : "err:").append(new String(bytes, StandardCharsets.UTF_8)),
            ReportSeal.ofHex(KEY), () -> events.add("exiting"));

    @Test
    void theLaunchersLastFrameIsHeardAndAFrameAfterItBreaksTheStream() {
        output.accept(concat(frame('C', ""), frame('R', ""), frame('X', "{\"exitCode\":0,\"oomKills\":0}")));
        assertEquals(List.of("compiling", "running", "exiting"), events);
        assertFalse(output.broken());
        assertEquals(new LauncherExit(0, 0), output.exit());
        output.accept(frame('O', "forged after the end\n"));
        assertTrue(output.broken());
        assertEquals("", program.toString());
    }

    @Test
    void framesSplitAcrossChunksAndSharingChunksAreDecodedInOrder() {
        byte[] stream = concat(frame('C', ""),
                frame('D', "{\"file\":\"Main.java\",\"line\":2,\"column\":5,\"severity\":\"warning\",\"message\":\"unchecked\"}"),
                frame('R', ""), frame('O', "hello\n"), frame('T', "{\"kind\":\"meta\",\"t\":0}\n"), frame('E', "oops\n"));
        // Feed in awkward pieces: 3 bytes, then 7, then the rest.
        output.accept(slice(stream, 0, 3));
        output.accept(slice(stream, 3, 10));
        output.accept(slice(stream, 10, stream.length));
        assertEquals(List.of("compiling", "running", "trace {\"kind\":\"meta\",\"t\":0}\n"), events);
        assertEquals(List.of(new CompileDiagnostic("Main.java", 2, 5, "warning", "unchecked")), diagnostics);
        assertEquals("out:hello\nerr:oops\n", program.toString());
        assertEquals(LaunchPhase.RUNNING, output.phase());
        assertNull(output.deadlock());
        assertFalse(output.stoppedFromOutside());
    }

    @Test
    void aSigtermFromOutsideIsReported() {
        output.accept(concat(frame('C', ""), frame('R', ""), frame('O', "working\n"), frame('S', "")));
        assertTrue(output.stoppedFromOutside());
    }

    @Test
    void programTextThatLooksLikeAFrameStaysProgramOutput() {
        String mimic = new String(frame('K', "fake deadlock"), StandardCharsets.ISO_8859_1);
        output.accept(concat(frame('C', ""), frame('R', ""), frame('O', mimic)));
        assertNull(output.deadlock(), "a frame inside program output is just bytes");
        assertTrue(program.toString().startsWith("out:K"));
    }

    @Test
    void compileFailureCarriesItsDiagnosticsAndDeadlockReportIsKept() {
        output.accept(concat(frame('C', ""),
                frame('D', "{\"file\":\"Main.java\",\"line\":1,\"column\":1,\"severity\":\"error\",\"message\":\"x\"}"),
                frame('F', "")));
        assertEquals(LaunchPhase.COMPILE_FAILED, output.phase());
        assertEquals(1, diagnostics.size());

        LauncherOutput other = new LauncherOutput(new NoListener(), (b, s) -> { }, null, () -> { });
        String cycle = "{\"waits\":[{\"thread\":\"a\",\"lock\":\"L\",\"owner\":\"b\",\"holds\":[\"M\"]}]}";
        other.accept(concat(frame('C', ""), frame('R', ""), frame('K', cycle)));
        assertEquals(List.of(new DeadlockCycle.Wait("a", "L", "b", List.of("M"))), other.deadlock().waits());
        assertEquals("Deadlock: \"a\" waits for L held by \"b\" and holds M",
                DockerExecution.deadlockMessage(other.deadlock()).english());

        LauncherOutput forged = new LauncherOutput(new NoListener(), (b, s) -> { }, null, () -> { });
        forged.accept(concat(frame('C', ""), frame('R', ""), frame('K', "Deadlock: \"a\" waits for L")));
        assertNull(forged.deadlock());
        assertTrue(forged.broken(), "a deadlock that is not the protocol's JSON is a violation");
    }

    @Test
    void anImpossibleFrameLengthMarksTheStreamBroken() {
        output.accept(new byte[] {'O', 0x7f, 0, 0, 0});
        assertTrue(output.broken());
        assertFalse(output.problems().isEmpty());
    }

    @Test
    void framesOutOfTheirPhaseBreakTheStream() {
        output.accept(concat(frame('C', ""), frame('R', ""), frame('O', "hi\n"),
                frame('D', "{\"file\":\"Main.java\",\"line\":1,\"column\":1,\"severity\":\"error\",\"message\":\"forged\"}")));
        assertTrue(output.broken());
        assertTrue(output.problems().startsWith(LauncherOutput.INVALID_REPORT), output.problems());
        assertTrue(diagnostics.isEmpty());
        output.accept(frame('K', "forged deadlock"));
        assertNull(output.deadlock(), "nothing after a violation is believed");
    }

    @Test
    void aFloodOfDiagnosticsBreaksTheStreamInsteadOfFillingMemory() {
        output.accept(frame('C', ""));
        byte[] one = frame('D', "{\"file\":\"A.java\",\"line\":1,\"column\":1,\"severity\":\"error\",\"message\":\"x\"}");
        for (int i = 0; i < 10_000 && !output.broken(); i++) {
            output.accept(one);
        }
        assertTrue(output.broken());
    }

    @Test
    void onlySealedTestReportsInSequenceCount() {
        ReportSeal runner = ReportSeal.ofHex(KEY);
        ReportSeal forger = ReportSeal.ofHex(ReportSeal.newKey());
        RunnerReport.TestResult pass = new RunnerReport.TestResult(1, "T", "works", true, "");
        output.accept(concat(frame('C', ""), frame('R', ""),
                frame('G', forger.seal(pass)), frame('G', pass.toJson()),
                frame('G', runner.seal(new RunnerReport.TestResult(1, "T", "works", false, "lost 3"))),
                frame('G', runner.seal(new RunnerReport.Done()))));
        assertEquals(List.of("running", "test works false", "tests done"), events.subList(1, events.size()));
        assertFalse(output.broken());
    }

    @Test
    void testReportsInARunWithoutTestsBreakTheStream() {
        LauncherOutput plain = new LauncherOutput(new NoListener(), (b, s) -> { }, null, () -> { });
        plain.accept(concat(frame('C', ""), frame('R', ""),
                frame('G', ReportSeal.ofHex(KEY).seal(new RunnerReport.Done()))));
        assertTrue(plain.broken());
    }

    private static byte[] frame(char kind, String payload) {
        byte[] body = payload.getBytes(payload.chars().allMatch(c -> c < 256) && kind == 'O'
                ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        return ByteBuffer.allocate(5 + body.length).put((byte) kind).putInt(body.length).put(body).array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            all.writeBytes(p);
        }
        return all.toByteArray();
    }

    private static byte[] slice(byte[] bytes, int from, int to) {
        return java.util.Arrays.copyOfRange(bytes, from, to);
    }

    private static final class NoListener implements SandboxListener {
        public void compiling() {
        }

        public void diagnostics(List<CompileDiagnostic> found) {
        }

        public void running() {
        }

        public void stdout(String text) {
        }

        public void stderr(String text) {
        }

        public void trace(String jsonLines) {
        }
    }
}
