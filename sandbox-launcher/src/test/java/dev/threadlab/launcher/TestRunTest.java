package dev.threadlab.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestRunTest {

    /** Lincheck's agent and jars join a test JVM only when a hidden test class it runs names Lincheck's package. */
    @Test
    void onlyATestClassThatUsesLincheckGetsIt(@TempDir Path temp) throws Exception {
        Path plain = compile(temp.resolve("plain"), "class PlainTest { String name() { return \"org.jetbrains\"; } }");
        Path model = compile(temp.resolve("model"), """
                package demo;
                class ModelTest {
                    // A reference to Lincheck's package is what the class file keeps of an import that is used.
                    static String checker() { return "org/jetbrains/lincheck/datastructures/ModelCheckingOptions"; }
                }
                """);
        assertFalse(TestRun.callLincheck(plain, List.of("PlainTest")));
        assertTrue(TestRun.callLincheck(model, List.of("demo.ModelTest")));
        assertFalse(TestRun.callLincheck(model, List.of("demo.OtherTest")), "a class this run does not run");
        assertFalse(TestRun.callLincheck(Files.createDirectories(temp.resolve("empty")), List.of("demo.ModelTest")));
    }

    private static Path compile(Path folder, String source) throws Exception {
        Path sources = Files.createDirectories(folder.resolve("src"));
        Path file = sources.resolve(source.contains("ModelTest") ? "ModelTest.java" : "PlainTest.java");
        Files.writeString(file, source);
        Path classes = Files.createDirectories(folder.resolve("classes"));
        int exit = ToolProvider.getSystemJavaCompiler().run(null, null, null,
                List.of("-d", classes.toString(), file.toString()).toArray(String[]::new));
        assertTrue(exit == 0);
        return classes;
    }
}
