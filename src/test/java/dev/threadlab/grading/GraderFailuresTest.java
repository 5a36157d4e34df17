package dev.threadlab.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.threadlab.sandbox.ProgramLimits;
import dev.threadlab.sandbox.SandboxImage;
import dev.threadlab.sandbox.SandboxReady;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Programs that hang, crash or do not compile fail their checks with a message saying so; nothing is lost. */
@QuarkusTest
class GraderFailuresTest {

    @Inject
    SandboxImage image;

    @Inject
    Grader grader;

    @BeforeEach
    void sandboxReady() throws InterruptedException {
        SandboxReady.await(image);
    }

    @Test
    void aProgramThatHangsFailsWithTheTimeLimit() throws Exception {
        CheckResult result = gradeMain("if (args.length == 0) { while (true) { } }");
        assertFalse(result.passed());
        assertTrue(result.message().contains("ran longer than the 2 s limit"), result.message());
    }

    @Test
    void aCrashFailsWithTheExceptionNamed() throws Exception {
        CheckResult result = gradeMain("if (args.length == 0) throw new IllegalStateException(\"boom\");");
        assertEquals(0, result.points());
        assertTrue(result.message().contains("exited with code 1, expected 0")
                && result.message().contains("IllegalStateException: boom"), result.message());
    }

    @Test
    void codeThatDoesNotCompileFailsWithTheCompilersMessage() throws Exception {
        CheckResult result = gradeMain("int x = \"text\";");
        assertTrue(result.message().startsWith("The code does not compile: Main.java:3: "), result.message());
    }

    private CheckResult gradeMain(String body) throws InterruptedException {
        Check prints = new Check("Prints done", 1, 1, new Check.ProgramExpectation(
                OutputMatch.of(OutputMatch.Mode.EXACT, "done\n"), null, 0, null), null);
        String main = "public class Main {\n    public static void main(String[] args) {\n        " + body
                + "\n        System.out.println(\"done\");\n    }\n}\n";
        Exercise exercise = new Exercise("limits", "test", "Limits", "", "Main", Map.of("Main.java", main),
                Map.of("Main.java", main), Map.of(), null, new ProgramLimits(Duration.ofSeconds(2), null, null),
                List.of(), List.of(prints), List.of(), false, Map.of());
        List<CheckResult> results = grader.grade(exercise, exercise.starterFiles());
        assertEquals(1, results.size());
        return results.get(0);
    }
}
