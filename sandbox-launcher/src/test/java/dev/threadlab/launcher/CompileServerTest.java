package dev.threadlab.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.threadlab.protocol.Diagnostic;
import dev.threadlab.protocol.CompileOrder;
import dev.threadlab.protocol.Frame;
import dev.threadlab.protocol.JavaRelease;
import dev.threadlab.protocol.FrameDecoder;
import dev.threadlab.protocol.LauncherFrame;
import dev.threadlab.protocol.ServerFrame;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompileServerTest {
    @TempDir
    Path scratch;

    /** One answer: its frames in order, as the server's side decodes them. */
    private record Answer(List<LauncherFrame> kinds, List<Diagnostic> diagnostics, List<String> classes, String compiled) {
    }

    private static byte[] request(Map<String, String> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        files.forEach((name, text) -> out.writeBytes(Frame.encode(ServerFrame.SOURCE.code(),
                Frame.named(name, text.getBytes(StandardCharsets.UTF_8)))));
        out.writeBytes(Frame.encode(ServerFrame.COMPILE.code(), new CompileOrder(JavaRelease.DEFAULT, null).toPayload()));
        return out.toByteArray();
    }

    private List<Answer> serve(byte[]... requests) throws Exception {
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        for (byte[] request : requests) {
            in.writeBytes(request);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CompileServer(new ByteArrayInputStream(in.toByteArray()), new Frames(out), scratch).serve();
        List<Answer> answers = new ArrayList<>();
        List<Frame> current = new ArrayList<>();
        FrameDecoder decoder = FrameDecoder.forLauncherFrames(frame -> {
            current.add(frame);
            if (frame.kind() == LauncherFrame.COMPILED.code()) {
                answers.add(answer(List.copyOf(current)));
                current.clear();
            }
        });
        byte[] all = out.toByteArray();
        decoder.accept(all, 0, all.length);
        assertTrue(current.isEmpty(), "frames after the last answer: " + current);
        return answers;
    }

    private static Answer answer(List<Frame> frames) throws dev.threadlab.protocol.ProtocolViolation {
        List<LauncherFrame> kinds = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        for (Frame frame : frames) {
            LauncherFrame kind = LauncherFrame.of(frame.kind());
            kinds.add(kind);
            if (kind == LauncherFrame.DIAGNOSTIC) {
                diagnostics.add(Diagnostic.fromJson(frame.text()));
            } else if (kind == LauncherFrame.CLASS_FILE) {
                classes.add(frame.name());
                byte[] content = frame.content();
                assertEquals(0xCAFEBABE, java.nio.ByteBuffer.wrap(content).getInt(), "a class file");
            }
        }
        return new Answer(kinds, diagnostics, classes, frames.get(frames.size() - 1).text());
    }

    @Test
    void eachRequestIsAnsweredWithItsDiagnosticsAndClassesThenItsEnd() throws Exception {
        List<Answer> answers = serve(
                request(Map.of("Main.java", "public class Main { public static void main(String[] a) {"
                        + " Runnable r = () -> System.out.println(\"hi\"); r.run(); } class Inner { } }",
                        "data.txt", "not java")),
                request(Map.of("demo/Broken.java", "package demo;\nclass Broken { int x = }\n")));
        assertEquals(2, answers.size());
        Answer hello = answers.get(0);
        assertEquals("1", hello.compiled());
        assertEquals(List.of("Main", "Main$Inner"), hello.classes().stream().sorted().toList());
        assertEquals(List.of(), hello.diagnostics());
        Answer broken = answers.get(1);
        assertEquals("0", broken.compiled());
        assertEquals(List.of(), broken.classes());
        Diagnostic error = broken.diagnostics().get(0);
        assertEquals("demo/Broken.java", error.file());
        assertEquals(2, error.line());
        assertEquals(Diagnostic.Severity.ERROR, error.severity());
    }

    @Test
    void nothingOfOneRequestIsLeftForTheNext() throws Exception {
        List<Answer> answers = serve(request(Map.of("Secret.java", "public class Secret { public static int code = 42; }")),
                request(Map.of("Thief.java", "class Thief { int stolen = Secret.code; }")));
        assertEquals("1", answers.get(0).compiled());
        assertEquals("0", answers.get(1).compiled(), "the second request must not see the first one's classes");
        try (Stream<Path> left = Files.list(scratch)) {
            assertEquals(List.of(), left.toList(), "every request's folders are removed after its answer");
        }
    }
}
