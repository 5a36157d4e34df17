package dev.threadlab.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.threadlab.protocol.Frame;
import dev.threadlab.protocol.ProtocolViolation;
import dev.threadlab.protocol.RunSpec;
import dev.threadlab.protocol.ServerFrame;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerInputTest {
    @TempDir
    Path work;

    private static byte[] frame(ServerFrame kind, byte[] payload) {
        return Frame.encode(kind.code(), payload);
    }

    private static byte[] named(ServerFrame kind, String name, String content) {
        return frame(kind, Frame.named(name, content.getBytes(StandardCharsets.UTF_8)));
    }

    private ServerInput input(byte[]... frames) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] f : frames) {
            all.writeBytes(f);
        }
        return new ServerInput(new ByteArrayInputStream(all.toByteArray()));
    }

    @Test
    void sourcesAndTestClassesLandWhereTheyBelongThenTheSpecAndStdinFollow() throws Exception {
        RunSpec spec = RunSpec.tests(List.of("demo.BankTest"), 3, List.of(), "ab".repeat(32));
        ServerInput input = input(named(ServerFrame.SOURCE, "demo/Bank.java", "package demo; class Bank {}"),
                named(ServerFrame.TEST_CLASS, "demo.BankTest", "CAFEBABE"),
                frame(ServerFrame.RUN_SPEC, spec.toJson()),
                frame(ServerFrame.STDIN, "42\n".getBytes(StandardCharsets.UTF_8)),
                frame(ServerFrame.STDIN_END, new byte[0]),
                frame(ServerFrame.STDIN, "after the end".getBytes(StandardCharsets.UTF_8)));
        input.readSetup(work.resolve("src"), work.resolve("classes"), work.resolve("test-classes"));
        assertEquals(spec, input.spec);
        assertEquals(List.of(work.resolve("src/demo/Bank.java")), input.sources);
        assertEquals("CAFEBABE", Files.readString(work.resolve("test-classes/demo/BankTest.class")));
        ByteArrayOutputStream stdin = new ByteArrayOutputStream();
        input.relayStdin(stdin);
        assertEquals("42\n", stdin.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aCompiledProgramsClassesLandInTheClassFolder() throws Exception {
        RunSpec spec = RunSpec.run("demo.Main", 0, List.of()).precompiled();
        ServerInput input = input(named(ServerFrame.SOURCE, "demo/Main.java", "package demo; class Main {}"),
                named(ServerFrame.CLASS_FILE, "demo.Main", "CAFEBABE"),
                frame(ServerFrame.RUN_SPEC, spec.toJson()));
        input.readSetup(work.resolve("src"), work.resolve("classes"), work.resolve("tests"));
        assertEquals("CAFEBABE", Files.readString(work.resolve("classes/demo/Main.class")));
        assertTrue(input.spec.compiled());
    }

    @Test
    void aClassNameOutsideTheClassFolderIsRefused() {
        ServerInput input = input(named(ServerFrame.CLASS_FILE, "../../evil", "x"));
        assertThrows(ProtocolViolation.class,
                () -> input.readSetup(work.resolve("src"), work.resolve("classes"), work.resolve("tests")));
    }

    @Test
    void aCompileRequestIsNotARunAndARunFrameIsNotPartOfACompileRequest() {
        assertThrows(ProtocolViolation.class, () -> input(frame(ServerFrame.COMPILE, new byte[0]))
                .readSetup(work.resolve("src"), work.resolve("classes"), work.resolve("tests")));
        assertThrows(ProtocolViolation.class, () -> input(named(ServerFrame.SOURCE, "Main.java", "class Main {}"),
                frame(ServerFrame.RUN_SPEC, RunSpec.compileOnly().toJson())).readCompileRequest(work.resolve("src")));
    }

    @Test
    void aCompileRequestNamesTheReleaseAndTheLanguageOfTheMessagesAndNothingElse() throws Exception {
        ServerInput.CompileRequest request = input(named(ServerFrame.SOURCE, "Main.java", "class Main {}"),
                frame(ServerFrame.COMPILE, "21 zh-CN".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .readCompileRequest(work.resolve("src"));
        assertEquals(java.util.Locale.SIMPLIFIED_CHINESE, request.order().locale());
        assertEquals(dev.threadlab.protocol.JavaRelease.JDK_21, request.order().jdk());
        assertEquals(1, request.sources().size());
        for (String forged : new String[] {"-J-Dx=1", "25 -J-Dx=1", "zh-CN", "8"}) {
            assertThrows(ProtocolViolation.class, () -> input(frame(ServerFrame.COMPILE,
                    forged.getBytes(java.nio.charset.StandardCharsets.US_ASCII))).readCompileRequest(work.resolve("src")));
        }
    }

    @Test
    void aFileNameOutsideItsFolderIsRefused() {
        ServerInput input = input(named(ServerFrame.SOURCE, "../../etc/passwd", "x"));
        assertThrows(ProtocolViolation.class, () -> input.readSetup(work.resolve("src"), work.resolve("classes"), work.resolve("tests")));
        assertTrue(Files.notExists(work.getParent().resolve("etc")));
    }

    @Test
    void stdinBeforeTheSpecAndUnknownFramesAreRefused() {
        assertThrows(ProtocolViolation.class, () -> input(frame(ServerFrame.STDIN, new byte[1]))
                .readSetup(work.resolve("src"), work.resolve("classes"), work.resolve("tests")));
        assertThrows(ProtocolViolation.class, () -> input(Frame.encode((byte) 'Z', new byte[1]))
                .readSetup(work.resolve("src"), work.resolve("classes"), work.resolve("tests")));
    }
}
