package dev.threadlab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.threadlab.sandbox.SandboxImage;
import dev.threadlab.sandbox.SandboxReady;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The course validation CI runs (README: "Writing lessons"): the shipped lessons/ tree passes, and a broken copy
 * fails with each broken file named.
 */
@QuarkusTest
class CourseValidationTest {

    @Inject
    SandboxImage image;

    @Inject
    CourseValidator validator;

    @BeforeEach
    void sandboxReady() throws InterruptedException {
        SandboxReady.await(image);
    }

    /**
     * While writing a lesson, {@code -Dthreadlab.course.only=visibility,atomics} validates just those lessons (a copy
     * of their folders) and prints what was checked; {@code locks/exercises/lost-update} names one exercise alone.
     */
    @Test
    void theShippedLessonsAndExercisesAreValid(@TempDir Path temp) throws Exception {
        String only = System.getProperty("threadlab.course.only", "").strip();
        if (!only.isEmpty()) {
            for (String id : only.split(",")) {
                copy(Path.of("lessons", id.strip()), temp.resolve("lessons").resolve(id.strip()));
            }
            CourseValidator.Report report = validator.validate(temp.resolve("lessons"));
            report.checked().forEach(System.out::println);
            assertEquals(List.of(), report.problems(), "checked: " + report.checked());
            return;
        }
        CourseValidator.Report report = validator.validate(Path.of("lessons"));
        assertEquals(List.of(), report.problems(), "checked: " + report.checked());
        assertTrue(report.checked().stream().anyMatch(c -> c.startsWith("lessons/threads/lesson.md:")
                && c.endsWith("compiles and runs on JDK 25")), report.checked().toString());
        assertTrue(report.checked().stream().anyMatch(c -> c.startsWith("lessons/virtual-threads/lesson.md:")
                && c.endsWith("compiles and runs on JDK 21")), report.checked().toString());
        assertTrue(report.checked().stream().anyMatch(c -> c.startsWith("lessons/threads/lesson.zh-CN.md:")),
                report.checked().toString());
        assertTrue(report.checked().contains("lessons/locks/exercises/lost-update: the reference solution scores 7/7"),
                report.checked().toString());
    }

    @Test
    void aBrokenCopyFailsNamingEachBrokenFile(@TempDir Path temp) throws Exception {
        Path lessons = temp.resolve("lessons");
        Path lesson = lessons.resolve("demo");
        copy(Path.of("lessons/locks/exercises/lost-update"), lesson.resolve("exercises/lost-update"));
        copy(Path.of("lessons/thread-pools/exercises/pool-of-four"), lesson.resolve("exercises/pool-of-four"));
        Path exercises = lesson.resolve("exercises");
        // A reference solution that is racy again, a config with a typo, an exercise left untranslated.
        Files.writeString(exercises.resolve("lost-update/solution/BankAccount.java"),
                Files.readString(exercises.resolve("lost-update/starter/BankAccount.java")));
        // A "wrong" solution that is the right one: the checks cannot tell it apart.
        Files.createDirectories(exercises.resolve("lost-update/wrong/actually-right"));
        Files.copy(Path.of("lessons/locks/exercises/lost-update/solution/BankAccount.java"),
                exercises.resolve("lost-update/wrong/actually-right/BankAccount.java"));
        Files.writeString(exercises.resolve("pool-of-four/exercise.yaml"), "title: Pool\nchecks:\n  - name: X\n    pionts: 1\n");
        Files.deleteIfExists(exercises.resolve("lost-update/task.zh-CN.md"));
        Files.deleteIfExists(exercises.resolve("lost-update/exercise.zh-CN.yaml"));
        // Examples: one does not compile, one exits 3 unannounced, one deadlocks as announced; the translation has
        // changed the code of the announced deadlock's neighbour.
        String front = "---\ntitle: Demo\norder: 1\n---\n";
        String brokenExample = "```java runnable\npublic class Main { void broken() { int x = \"text\"; } }\n```\n";
        String exitsThree = "```java runnable\npublic class Main {\n    public static void main(String[] a) {\n"
                + "        System.exit(3); // %s\n    }\n}\n```\n";
        String deadlock = "```java runnable expect=DEADLOCK\n" + DEADLOCK + "```\n";
        Files.writeString(lesson.resolve("lesson.md"),
                front + brokenExample + exitsThree.formatted("three") + deadlock);
        Files.writeString(lesson.resolve("lesson.zh-CN.md"),
                front + brokenExample + exitsThree.formatted("三").replace("exit(3)", "exit(4)") + deadlock);

        CourseValidator.Report report = validator.validate(lessons);
        String problems = String.join("\n", report.problems());
        assertTrue(problems.matches("(?s).*lessons/demo/lesson\\.md:5: the runnable example should finish with exit code 0, "
                + "but it ended COMPILE_ERROR: The code does not compile: Main\\.java:1: .*"), problems);
        assertTrue(problems.contains("lessons/demo/lesson.md:8: the runnable example should finish with exit code 0, "
                + "but it finished with exit code 3"), problems);
        assertTrue(problems.contains("lessons/demo/lesson.zh-CN.md: line 8 (runnable example 2, English line 8): the code "
                + "differs from the English example"), problems);
        assertTrue(problems.contains("lessons/demo/lesson.zh-CN.md:8: the runnable example should finish with exit code 0, "
                + "but it finished with exit code 4"), problems);
        assertTrue(problems.contains("lessons/demo/exercises/lost-update: the lesson is in zh-CN but the exercise has no "
                + "task.zh-CN.md and exercise.zh-CN.yaml"), problems);
        assertTrue(problems.contains("lessons/demo/exercises/lost-update/solution: the reference solution scores"), problems);
        assertTrue(problems.contains("Four threads depositing at once lose nothing"), problems);
        assertTrue(problems.contains("lessons/demo/exercises/pool-of-four: exercise.yaml: checks[1]: unknown key 'pionts'"),
                problems);
        assertTrue(problems.contains("lessons/demo/exercises/lost-update/wrong/actually-right: the wrong solution gets "
                + "full marks; the checks cannot tell it from a right one"), problems);
        assertEquals(8, report.problems().size(), problems);
        assertTrue(report.checked().contains("lessons/demo/lesson.zh-CN.md:5 is the example at lessons/demo/lesson.md:5, "
                + "already run"), report.checked().toString());
    }

    /**
     * A schedule-checked exercise's wrong solution is graded three times and must fail alike: a real bug fails at the
     * same schedule each time; one whose failure is luck (here a coin from /dev/urandom, which the controlled
     * scheduler does not govern) is reported.
     */
    @Test
    void aWrongSolutionThatFailsByLuckIsReportedAndADeterministicOneIsNot(@TempDir Path temp) throws Exception {
        Path lessons = temp.resolve("lessons");
        Path exercise = lessons.resolve("demo/exercises/seat-booking");
        copy(Path.of("lessons/shared-state/exercises/seat-booking"), exercise);
        Files.writeString(lessons.resolve("demo/lesson.md"), "---\ntitle: Demo\norder: 1\n---\nSeats.\n");
        for (String kept : List.of("hard-coded-output", "put-overwrites", "ignores-the-answer")) {
            try (Stream<Path> files = Files.walk(exercise.resolve("wrong").resolve(kept))) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        Files.createDirectories(exercise.resolve("wrong/luck"));
        Files.writeString(exercise.resolve("wrong/luck/changes.yaml"), """
                - file: SeatMap.java
                  replace: "        return holders.putIfAbsent(seat, name) == null;"
                  with: |2-
                            try (java.io.InputStream random = new java.io.FileInputStream("/dev/urandom")) {
                                if (random.read() == 0) {         // one call in 256 says yes without looking
                                    holders.put(seat, name);
                                    return true;
                                }
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                            return holders.putIfAbsent(seat, name) == null;
                """);

        CourseValidator.Report report = validator.validate(lessons);
        String problems = String.join("\n", report.problems());
        assertEquals(1, report.problems().size(), problems);
        assertTrue(problems.matches("lessons/demo/exercises/seat-booking/wrong/luck: the wrong solution "
                + "(failed differently|got full marks) in validation [23] of 3.*"), problems);
        assertTrue(report.checked().contains("lessons/demo/exercises/seat-booking/wrong/check-then-act: fails in each of "
                + "3 validations, its schedule checks alike"), report.checked().toString());
    }

    private static final String DEADLOCK = """
            public class Main {
                public static void main(String[] args) throws Exception {
                    Object a = new Object();
                    Object b = new Object();
                    Thread one = new Thread(() -> { synchronized (a) { pause(); synchronized (b) { } } }, "one");
                    Thread two = new Thread(() -> { synchronized (b) { pause(); synchronized (a) { } } }, "two");
                    one.start();
                    two.start();
                    one.join();
                }

                static void pause() {
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            """;

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
