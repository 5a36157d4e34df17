package dev.threadlab.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.threadlab.protocol.Diagnostic;
import dev.threadlab.protocol.FrameDecoder;
import dev.threadlab.protocol.JavaRelease;
import dev.threadlab.protocol.LauncherFrame;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompilationTest {
    @TempDir
    Path work;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final Compilation compilation = new Compilation(new Frames(stdout), java.util.Locale.ENGLISH, JavaRelease.DEFAULT);

    private List<Diagnostic> diagnostics() throws Exception {
        List<Diagnostic> found = new ArrayList<>();
        FrameDecoder decoder = FrameDecoder.forLauncherFrames(frame -> {
            assertEquals(LauncherFrame.DIAGNOSTIC.code(), frame.kind());
            found.add(Diagnostic.fromJson(frame.text()));
        });
        byte[] all = stdout.toByteArray();
        decoder.accept(all, 0, all.length);
        return found;
    }

    private Path source(String path, String text) throws Exception {
        Path file = work.resolve("src").resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    /** The JDK has javac's messages in Simplified Chinese; a Chinese page asks for them. */
    @Test
    void theMessagesAreInTheLanguageAskedFor() throws Exception {
        Path main = source("Main.java", "public class Main { void f() { undefinedName(); } }");
        Compilation chinese = new Compilation(new Frames(stdout), java.util.Locale.SIMPLIFIED_CHINESE,
                JavaRelease.DEFAULT);
        assertFalse(chinese.compile(List.of(main), work.resolve("src"), work.resolve("classes"), List.of()));
        String message = diagnostics().get(0).message();
        assertTrue(message.contains("找不到符号"), message);
    }

    /** The launcher's compiler is the newest JDK's; an older release is targeted, the compiler's own needs nothing. */
    @Test
    void anOlderReleaseIsTargetedExplicitly() {
        assertEquals(List.of("--release", "21"), Compilation.releaseOptions(JavaRelease.JDK_21, 25));
        assertEquals(List.of(), Compilation.releaseOptions(JavaRelease.JDK_25, 25));
        assertEquals(List.of(), Compilation.releaseOptions(JavaRelease.JDK_21, 17));
    }

    @Test
    void aProgramCompilesIntoTheClassFolder() throws Exception {
        Path main = source("Main.java", "public class Main { public static void main(String[] a) { } }");
        assertTrue(compilation.compile(List.of(main), work.resolve("src"), work.resolve("classes"), List.of("MainTest")));
        assertTrue(Files.exists(work.resolve("classes/Main.class")));
        assertEquals(List.of(), diagnostics());
    }

    @Test
    void errorsArriveAsDiagnosticFramesWithTheirPosition() throws Exception {
        Path main = source("demo/Main.java", "package demo;\npublic class Main { int x = ; }");
        assertFalse(compilation.compile(List.of(main), work.resolve("src"), work.resolve("classes"), List.of()));
        Diagnostic error = diagnostics().get(0);
        assertEquals("demo/Main.java", error.file());
        assertEquals(2, error.line());
        assertEquals(Diagnostic.Severity.ERROR, error.severity());
    }

    @Test
    void classesNamedLikeAHiddenTestOrThePlatformAreRefused() throws Exception {
        Path shadow = source("BankAccountTest.java", "class BankAccountTest { }");
        Path runner = source("dev/threadlab/runner/TestRunner.java", "package dev.threadlab.runner; class TestRunner { }");
        assertFalse(compilation.compile(List.of(shadow, runner), work.resolve("src"), work.resolve("classes"),
                List.of("BankAccountTest")));
        List<String> messages = diagnostics().stream().map(Diagnostic::message).toList();
        assertTrue(messages.stream().anyMatch(m -> m.contains("BankAccountTest is reserved")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.contains("dev.threadlab.runner.TestRunner is reserved")), messages.toString());
    }

    @Test
    void annotationProcessorsOfTheLearnerNeverRun() throws Exception {
        // A processor on the class path would run inside the launcher; -proc:none keeps javac from looking.
        Path processor = source("Evil.java", """
                import javax.annotation.processing.*;
                import javax.lang.model.element.TypeElement;
                import java.util.Set;
                @SupportedAnnotationTypes("*")
                public class Evil extends AbstractProcessor {
                    public boolean process(Set<? extends TypeElement> a, RoundEnvironment r) {
                        throw new IllegalStateException("ran inside the launcher");
                    }
                }
                """);
        Path classes = work.resolve("classes");
        assertTrue(compilation.compile(List.of(processor), work.resolve("src"), classes, List.of()));
        Files.createDirectories(classes.resolve("META-INF/services"));
        Files.writeString(classes.resolve("META-INF/services/javax.annotation.processing.Processor"), "Evil\n");
        Path main = source("Main.java", "class Main { }");
        assertTrue(compilation.compile(List.of(main), work.resolve("src"), classes, List.of()), diagnostics().toString());
    }
}
