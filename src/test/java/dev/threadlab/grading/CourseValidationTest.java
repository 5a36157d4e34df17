package dev.threadlab.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.threadlab.sandbox.SandboxImage;
import dev.threadlab.sandbox.SandboxReady;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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

    @Test
    void theShippedLessonsAndExercisesAreValid() throws Exception {
        CourseValidator.Report report = validator.validate(Path.of("lessons"));
        assertEquals(java.util.List.of(), report.problems(), "checked: " + report.checked());
        assertTrue(report.checked().stream().anyMatch(c -> c.startsWith("lessons/01-threads/lesson.md:") && c.endsWith("compiles")),
                report.checked().toString());
        assertTrue(report.checked().contains("lessons/01-threads/exercises/lost-update: the reference solution scores 7/7"),
                report.checked().toString());
    }

    @Test
    void aBrokenCopyFailsNamingEachBrokenFile(@TempDir Path temp) throws Exception {
        Path lessons = temp.resolve("lessons");
        copy(Path.of("lessons/01-threads"), lessons.resolve("01-threads"));
        Path exercises = lessons.resolve("01-threads/exercises");
        // A reference solution that is racy again, a config with a typo, and an example that does not compile.
        Files.writeString(exercises.resolve("lost-update/solution/BankAccount.java"),
                Files.readString(exercises.resolve("lost-update/starter/BankAccount.java")));
        Files.writeString(exercises.resolve("pool-of-four/exercise.yaml"), "title: Pool\nchecks:\n  - name: X\n    pionts: 1\n");
        Files.writeString(lessons.resolve("01-threads/lesson.md"),
                "\n```java runnable\npublic class Main { void broken() { int x = \"text\"; } }\n```\n", StandardOpenOption.APPEND);

        CourseValidator.Report report = validator.validate(lessons);
        String problems = String.join("\n", report.problems());
        assertTrue(problems.contains("lessons/01-threads/exercises/lost-update/solution: the reference solution scores"),
                problems);
        assertTrue(problems.contains("Four threads depositing at once lose nothing"), problems);
        assertTrue(problems.contains("lessons/01-threads/exercises/pool-of-four: exercise.yaml: checks[1]: unknown key 'pionts'"),
                problems);
        assertTrue(problems.matches("(?s).*lessons/01-threads/lesson\\.md:\\d+: the runnable example does not compile: line 1: .*"),
                problems);
        assertEquals(3, report.problems().size(), problems);
    }

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
