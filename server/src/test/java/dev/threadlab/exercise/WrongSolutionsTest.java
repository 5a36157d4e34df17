package dev.threadlab.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.threadlab.lesson.LessonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WrongSolutionsTest {
    private static final String SOLUTION = """
            public class Main {
                public static void main(String[] a) throws Exception {
                    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
                    pool.close();
                    Helper.say();
                }
            }
            """;

    private final ExerciseParser parser = new ExerciseParser(new LessonParser());
    private final WrongSolutions wrongSolutions = new WrongSolutions();

    @TempDir
    Path folder;

    @Test
    void aVariantIsTheSolutionWithItsOwnFilesAndChanges() throws IOException {
        write("wrong/pool-of-two/changes.yaml", """
                - file: Main.java
                  replace: "newFixedThreadPool(4)"
                  with: "newFixedThreadPool(2)"
                """);
        write("wrong/hard-coded-output/Main.java", "public class Main { }");
        Map<String, Map<String, String>> variants = wrongSolutions.of(exercise(), folder, true);
        assertEquals(java.util.List.of("hard-coded-output", "pool-of-two"), java.util.List.copyOf(variants.keySet()));
        assertEquals(SOLUTION.replace("(4)", "(2)"), variants.get("pool-of-two").get("Main.java"));
        assertEquals("public class Main { }", variants.get("hard-coded-output").get("Main.java"));
        assertEquals("class Helper { static void say() { } }", variants.get("pool-of-two").get("Helper.java"),
                "files a variant does not change are the solution's");
    }

    @Test
    void aChangeThatNoLongerMatchesTheSolutionIsNamed() throws IOException {
        write("wrong/stale/changes.yaml", """
                - file: Main.java
                  replace: "newCachedThreadPool()"
                  with: "x"
                - file: Main.java
                  replace: "pool"
                  with: "p"
                - file: Missing.java
                  replace: "a"
                  with: "b"
                """);
        write("wrong/Bad_Name/Main.java", "class Main { }");
        String message = assertThrows(InvalidExerciseException.class, () -> wrongSolutions.of(exercise(), folder, true))
                .getMessage();
        assertTrue(message.contains("wrong/stale/changes.yaml: \"newCachedThreadPool()\" must occur exactly once in "
                + "Main.java, but it is not there (has the solution changed?)"), message);
        assertTrue(message.contains("\"pool\" must occur exactly once in Main.java, but it occurs more than once"), message);
        assertTrue(message.contains("the solution has no Missing.java"), message);
        assertTrue(message.contains("wrong/Bad_Name: only folders named in lower-case letters"), message);
    }

    @Test
    void anExerciseWithoutWrongSolutionsIsRefusedWhenTheyAreRequired() throws IOException {
        Exercise exercise = exercise();
        assertEquals(Map.of(), wrongSolutions.of(exercise, folder, false));
        String message = assertThrows(InvalidExerciseException.class, () -> wrongSolutions.of(exercise, folder, true))
                .getMessage();
        assertTrue(message.contains("wrong/ has no wrong solution"), message);
    }

    /** The course validation grades them all in CI; this says in a second, without Docker, that they all apply. */
    @Test
    void everyShippedExerciseHasWrongSolutionsThatApply() {
        Path lessons = Path.of("lessons").toAbsolutePath();
        ExerciseRepository.Catalog catalog = new ExerciseRepository(lessons, parser).catalog();
        assertEquals(java.util.List.of(), catalog.problems());
        assertTrue(catalog.exercises().size() >= 30, catalog.exercises().keySet().toString());
        for (Exercise exercise : catalog.exercises().values()) {
            Path exerciseFolder = lessons.resolve(exercise.lessonId()).resolve("exercises").resolve(exercise.id());
            Map<String, Map<String, String>> variants = wrongSolutions.of(exercise, exerciseFolder, true);
            variants.forEach((name, files) -> assertTrue(!files.equals(exercise.solutionFiles()),
                    exercise.id() + "/wrong/" + name + " is the reference solution"));
        }
    }

    private Exercise exercise() throws IOException {
        write("exercise.yaml", "title: Demo\nchecks:\n  - id: output\n    name: Output\n    points: 1\n    stdout:\n      exact: hi\n");
        write("task.md", "Say hi.");
        write("starter/Main.java", "public class Main { }");
        write("starter/Helper.java", "class Helper { static void say() { } }");
        write("solution/Main.java", SOLUTION);
        return parser.parse("demo", folder);
    }

    private void write(String path, String text) throws IOException {
        Files.createDirectories(folder.resolve(path).getParent());
        Files.writeString(folder.resolve(path), text);
    }
}
