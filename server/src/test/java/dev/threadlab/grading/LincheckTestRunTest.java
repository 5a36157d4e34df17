package dev.threadlab.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.threadlab.exercise.Check;
import dev.threadlab.exercise.Exercise;
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

/**
 * A hidden test that hands the learner's class to Lincheck's model checker, in the real sandbox: a lost update on a
 * volatile field is found, with the results and the interleaving, the same each grading; the atomic version passes.
 * Lincheck's agent hands an {@code Instrumentation} to any code in its JVM, so its tests run apart: in the run of
 * the exercise's other hidden tests, the learner's code finds no agent to take it from.
 */
@QuarkusTest
class LincheckTestRunTest {
    private static final String MODEL_TEST = """
            import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
            import org.jetbrains.lincheck.datastructures.Operation;
            import org.junit.jupiter.api.Test;

            public class CounterModelTest {
                private final Counter counter = new Counter();

                @Operation
                public void increment() {
                    counter.increment();
                }

                @Operation
                public long get() {
                    return counter.get();
                }

                @Test
                void noIncrementIsLost() {
                    new ModelCheckingOptions().iterations(10).invocationsPerIteration(100).check(CounterModelTest.class);
                }
            }
            """;
    private static final String PLAIN_TEST = """
            import static org.junit.jupiter.api.Assertions.assertEquals;

            import org.junit.jupiter.api.Test;

            class CounterTest {
                @Test
                void theAgentIsOutOfReach() {
                    assertEquals("no agent", Counter.agent());
                }
            }
            """;
    /** The learner's counter, which also looks for Byte Buddy's agent and its Instrumentation. */
    private static final String VOLATILE = """
            public class Counter {
                private volatile long count;

                public void increment() {
                    count++;
                }

                public long get() {
                    return count;
                }

                public static String agent() {
                    try {
                        Object instrumentation = Class.forName("net.bytebuddy.agent.Installer")
                                .getMethod("getInstrumentation").invoke(null);
                        return "took " + instrumentation;
                    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                        return "no agent";
                    }
                }
            }
            """;
    private static final String ATOMIC = VOLATILE
            .replace("private volatile long count;", "private final java.util.concurrent.atomic.AtomicLong count = new java.util.concurrent.atomic.AtomicLong();")
            .replace("count++;", "count.incrementAndGet();").replace("return count;", "return count.get();");
    /** A correct counter on a VarHandle-based class, which Lincheck once failed with an internal error. */
    private static final String LONG_ADDER = VOLATILE
            .replace("private volatile long count;", "private final java.util.concurrent.atomic.LongAdder count = new java.util.concurrent.atomic.LongAdder();")
            .replace("count++;", "count.increment();").replace("return count;", "return count.sum();");
    /** A correct counter behind a ReentrantLock, whose queue Lincheck has to model too. */
    private static final String LOCKED = VOLATILE
            .replace("private volatile long count;", "private final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();\n    private long count;")
            .replace("count++;", "lock.lock();\n        try {\n            count++;\n        } finally {\n            lock.unlock();\n        }")
            .replace("return count;", "lock.lock();\n        try {\n            return count;\n        } finally {\n            lock.unlock();\n        }");
    private static final String MAIN = "public class Main { public static void main(String[] args) { } }";

    @Inject
    SandboxImage image;

    @Inject
    Grader grader;

    @BeforeEach
    void sandboxReady() throws InterruptedException {
        SandboxReady.await(image);
    }

    @Test
    void aLostUpdateIsFoundTheSameWayEachTimeAndTheAgentStaysInLinchecksOwnRun() throws Exception {
        List<CheckResult> racy = grade(VOLATILE);
        assertTrue(racy.get(0).passed(), "the plain tests' JVM has no agent: " + racy.get(0).message());
        String message = racy.get(1).message();
        assertFalse(racy.get(1).passed(), message);
        assertTrue(message.startsWith("Lincheck found results that no one-call-at-a-time order gives:\n")
                && message.contains("\nThe interleaving that gives them:\n") && message.contains("count"), message);
        assertEquals(message, grade(VOLATILE).get(1).message(), "the same exploration, the same report");

        List<CheckResult> atomic = grade(ATOMIC);
        assertTrue(atomic.get(0).passed(), atomic.get(0).message());
        assertTrue(atomic.get(1).passed(), atomic.get(1).message());
    }

    @Test
    void correctCountersOnALongAdderAndAReentrantLockPass() throws Exception {
        for (String counter : List.of(LONG_ADDER, LOCKED)) {
            List<CheckResult> results = grade(counter);
            assertTrue(results.get(1).passed(), results.get(1).message() + "\n" + counter);
        }
    }

    private List<CheckResult> grade(String counter) throws InterruptedException {
        return grader.grade(exercise(), Map.of("Main.java", MAIN, "Counter.java", counter));
    }

    private static Exercise exercise() {
        Check plain = new Check("theAgentIsOutOfReach", "No agent in reach", 1, 1, null,
                new Check.JUnitTest("CounterTest", "theAgentIsOutOfReach"));
        Check model = new Check("noIncrementIsLost", "No increment is lost", 2, 1, null,
                new Check.JUnitTest("CounterModelTest", "noIncrementIsLost"));
        return new Exercise("counter", "test", "Counter", "", "Main", Map.of("Main.java", MAIN),
                Map.of("Main.java", MAIN, "Counter.java", ATOMIC),
                Map.of("CounterTest.java", PLAIN_TEST, "CounterModelTest.java", MODEL_TEST), null,
                new ProgramLimits(Duration.ofSeconds(60), null, null), List.of(), List.of(plain, model), List.of(), false,
                Map.of(), null);
    }
}
