package dev.threadlab.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.threadlab.exercise.Check;
import dev.threadlab.exercise.Exercise;
import dev.threadlab.protocol.ScheduleExploration;
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
 * Schedule checks, in the real sandbox under Fray: a race that repetition rarely meets fails at the same schedule in
 * every grading, a correct version passes every schedule, a lock-order deadlock is named as one, and a program that
 * tampers with the scheduler or ends the test JVM fails instead of passing.
 */
@QuarkusTest
class ScheduleCheckTest {
    private static final ScheduleExploration BUDGET = new ScheduleExploration(300, 7);
    private static final String TEST = """
            import static org.junit.jupiter.api.Assertions.assertEquals;

            import java.util.ArrayList;
            import java.util.Collections;
            import java.util.List;
            import org.junit.jupiter.api.Test;

            class RegistryScheduleTest {
                @Test
                void oneNameWinsEachSeat() throws InterruptedException {
                    Registry registry = new Registry();
                    List<String> winners = Collections.synchronizedList(new ArrayList<>());
                    Thread ann = new Thread(() -> { if (registry.claim("7A", "ann")) winners.add("ann"); });
                    Thread bob = new Thread(() -> { if (registry.claim("7A", "bob")) winners.add("bob"); });
                    ann.start();
                    bob.start();
                    ann.join();
                    bob.join();
                    assertEquals(1, winners.size(), "people who got seat 7A");
                }
            }
            """;
    private static final String CHECK_THEN_ACT = """
            import java.util.concurrent.ConcurrentHashMap;

            public class Registry {
                private final ConcurrentHashMap<String, String> seats = new ConcurrentHashMap<>();

                public boolean claim(String seat, String name) {
                    if (seats.containsKey(seat)) {
                        return false;
                    }
                    seats.put(seat, name);
                    return true;
                }
            }
            """;
    private static final String ATOMIC = """
            import java.util.concurrent.ConcurrentHashMap;

            public class Registry {
                private final ConcurrentHashMap<String, String> seats = new ConcurrentHashMap<>();

                public boolean claim(String seat, String name) {
                    return seats.putIfAbsent(seat, name) == null;
                }
            }
            """;
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
    void aCheckThenActRaceFailsAtTheSameScheduleInEveryGrading() throws Exception {
        CheckResult failed = grade(exercise(TEST), CHECK_THEN_ACT);
        String first = failed.message();
        assertTrue(first.matches("Schedule \\d+ of 300 broke it: people who got seat 7A ==> expected: <1> but was: <2>"), first);
        CheckResult again = grade(exercise(TEST), CHECK_THEN_ACT);
        assertEquals(first, again.message(), "the same program, budget and seed");
        // The replayed schedule: both threads' steps, the map calls in Registry.claim among them, the same each time.
        List<InterleavingStep> steps = failed.interleaving();
        assertTrue(steps != null && steps.stream().map(InterleavingStep::thread).distinct().count() >= 2, "" + steps);
        assertTrue(steps.stream().anyMatch(step -> step.at().startsWith("Registry.claim(Registry.java:")
                && step.call().startsWith("ConcurrentHashMap.")), steps.toString());
        assertEquals(steps, again.interleaving());
    }

    @Test
    void theAtomicVersionPassesEverySchedule() throws Exception {
        CheckResult result = grade(exercise(TEST), ATOMIC);
        assertTrue(result.passed(), result.message());
        assertEquals("Passed in all 300 controlled schedules.", result.message());
    }

    @Test
    void locksTakenInOppositeOrdersAreADeadlock() throws Exception {
        String test = """
                import org.junit.jupiter.api.Test;

                class RegistryScheduleTest {
                    @Test
                    void oneNameWinsEachSeat() throws InterruptedException {
                        Object left = new Object();
                        Object right = new Object();
                        Thread one = new Thread(() -> Registry.both(left, right));
                        Thread two = new Thread(() -> Registry.both(right, left));
                        one.start();
                        two.start();
                        one.join();
                        two.join();
                    }
                }
                """;
        String registry = """
                public class Registry {
                    public static void both(Object first, Object second) {
                        synchronized (first) {
                            synchronized (second) {
                            }
                        }
                    }
                }
                """;
        String ordered = registry.replace("synchronized (first) {\n            synchronized (second) {",
                "synchronized (Registry.class) {\n            synchronized (second) {");
        String message = grade(exercise(test, ordered), registry).message();
        assertTrue(message.matches("Schedule \\d+ of 300 ends in a deadlock: .*"), message);
    }

    @Test
    void aProgramThatSwitchesTheSchedulerOffFails() throws Exception {
        // Unscheduled, the race would almost never show: the program tries to pass by replacing Fray's hook.
        String tamperer = CHECK_THEN_ACT.replace("public boolean claim(String seat, String name) {", """
                public boolean claim(String seat, String name) {
                        try {
                            Class<?> hook = Class.forName("org.pastalab.fray.runtime.Runtime");
                            hook.getField("LOCK_DELEGATE").set(null,
                                    Class.forName("org.pastalab.fray.runtime.Delegate").getConstructor().newInstance());
                        } catch (ReflectiveOperationException e) {
                            throw new IllegalStateException(e);
                        }""");
        CheckResult result = grade(exercise(TEST), tamperer);
        assertFalse(result.passed(), result.message());
        // Found when the schedule ends, or, when Fray's threads are left waiting for a scheduler that is gone, at the
        // time limit: never a pass.
        assertTrue(result.message().startsWith("The program changed the schedule checker's own state")
                || result.message().startsWith("The program ran longer than the 10 s limit"), result.message());
    }

    @Test
    void endingTheTestJvmCannotPassTheCheck() throws Exception {
        String quitter = CHECK_THEN_ACT.replace("if (seats.containsKey(seat)) {", """
                System.out.println("PASS");
                        Runtime.getRuntime().halt(0);
                        if (seats.containsKey(seat)) {""");
        CheckResult result = grade(exercise(TEST), quitter);
        assertFalse(result.passed(), result.message());
    }

    private CheckResult grade(Exercise exercise, String registry) throws InterruptedException {
        List<CheckResult> results = grader.grade(exercise, Map.of("Main.java", MAIN, "Registry.java", registry));
        assertEquals(1, results.size());
        return results.get(0);
    }

    private static Exercise exercise(String test) {
        return exercise(test, ATOMIC);
    }

    private static Exercise exercise(String test, String solution) {
        Check check = new Check("oneNameWinsEachSeat", "One name wins each seat", 3, 1, null,
                new Check.JUnitTest("RegistryScheduleTest", "oneNameWinsEachSeat", BUDGET));
        return new Exercise("registry", "test", "Registry", "", "Main", Map.of("Main.java", MAIN),
                Map.of("Main.java", MAIN, "Registry.java", solution), Map.of("RegistryScheduleTest.java", test), null,
                new ProgramLimits(Duration.ofSeconds(10), null, null), List.of(), List.of(check), List.of(), false,
                Map.of(), null);
    }
}
