package dev.threadlab.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.threadlab.exercise.Check;
import dev.threadlab.exercise.Exercise;
import dev.threadlab.exercise.OutputMatch;
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

    @Test
    void aSequentialProgramFailsAParallelismCheckInEveryRepeat() throws Exception {
        Check parallel = new Check("two-workers", "Two workers on CPUs at once", 1, 1, new Check.ProgramExpectation(null, null, 0,
                new Check.TraceExpectation(2, null, 2, null, null, null, null, null, null)), null);
        String main = """
                public class Main {
                    public static void main(String[] args) throws InterruptedException {
                        for (int i = 1; i <= 2; i++) {
                            Thread worker = new Thread(Main::spin, "worker-" + i);
                            worker.start();
                            worker.join();   // one after the other: never two on CPUs at once
                        }
                    }

                    static void spin() {
                        long until = System.nanoTime() + 150_000_000;
                        while (System.nanoTime() < until) { }
                    }
                }
                """;
        Exercise exercise = new Exercise("sequential", "test", "Sequential", "", "Main", Map.of("Main.java", main),
                Map.of("Main.java", main), Map.of(), null, new ProgramLimits(Duration.ofSeconds(10), null, null),
                List.of(), List.of(parallel), List.of(), false, Map.of(), null);
        CheckResult result = grader.grade(exercise, exercise.starterFiles()).get(0);
        assertFalse(result.passed());
        assertEquals("On the trace: 1 threads running at the same time; at least 2 expected. (The same in "
                + (Grader.REPEATS_FOR_A_BUSY_HOST + 1) + " runs, so a busy server is an unlikely cause.)", result.message());
        assertEquals("grading.sameWhenRepeated", result.messageKey(), "the page says it in its reader's language");
        assertEquals(Grader.REPEATS_FOR_A_BUSY_HOST + 1, result.args().get("runs"));
    }

    @Test
    void firstFailureNamesTheFirstCheckAWrongProgramFailsAndNothingForARightOne() throws Exception {
        Check prints = new Check("prints-done", "Prints done", 1, 1, new Check.ProgramExpectation(
                OutputMatch.of(OutputMatch.Mode.EXACT, "done\n"), null, null, null), null);
        Check exits = new Check("exits-3", "Exits with 3", 1, 1, new Check.ProgramExpectation(null, null, 3, null), null);
        String right = "public class Main { public static void main(String[] a) { System.out.println(\"done\"); "
                + "System.exit(3); } }";
        String wrong = "public class Main { public static void main(String[] a) { System.out.println(\"done\"); } }";
        Exercise exercise = new Exercise("first-failure", "test", "First failure", "", "Main", Map.of("Main.java", wrong),
                Map.of("Main.java", right), Map.of(), null, new ProgramLimits(Duration.ofSeconds(5), null, null),
                List.of(), List.of(prints, exits), List.of(), false, Map.of(), null);
        CheckResult failed = grader.firstFailure(exercise, Map.of("Main.java", wrong)).orElseThrow();
        assertEquals("Exits with 3", failed.name());
        assertTrue(failed.message().contains("exited with code 0, expected 3"), failed.message());
        assertTrue(grader.firstFailure(exercise, Map.of("Main.java", right)).isEmpty(), "the right program fails nothing");
    }

    private CheckResult gradeMain(String body) throws InterruptedException {
        Check prints = new Check("prints-done", "Prints done", 1, 1, new Check.ProgramExpectation(
                OutputMatch.of(OutputMatch.Mode.EXACT, "done\n"), null, 0, null), null);
        String main = "public class Main {\n    public static void main(String[] args) {\n        " + body
                + "\n        System.out.println(\"done\");\n    }\n}\n";
        Exercise exercise = new Exercise("limits", "test", "Limits", "", "Main", Map.of("Main.java", main),
                Map.of("Main.java", main), Map.of(), null, new ProgramLimits(Duration.ofSeconds(2), null, null),
                List.of(), List.of(prints), List.of(), false, Map.of(), null);
        List<CheckResult> results = grader.grade(exercise, exercise.starterFiles());
        assertEquals(1, results.size());
        return results.get(0);
    }
}
