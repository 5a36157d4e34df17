package dev.threadlab.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.threadlab.lesson.Language;
import dev.threadlab.lesson.LessonParser;
import dev.threadlab.protocol.ScheduleExploration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExerciseParserTest {
    private final ExerciseParser parser = new ExerciseParser(new LessonParser());

    @TempDir
    Path lessons;

    @Test
    void theShippedExercisesParse() {
        ExerciseRepository repository = new ExerciseRepository(Path.of("lessons"), parser);
        ExerciseRepository.Catalog catalog = repository.catalog();
        assertEquals(List.of(), catalog.problems());
        assertTrue(catalog.exercises().keySet().containsAll(List.of("lost-update", "child-exit-codes", "pool-of-four")),
                catalog.exercises().keySet().toString());
        Exercise race = catalog.exercises().get("lost-update");
        assertEquals("locks", race.lessonId());
        assertEquals(7, race.maxScore());
        assertEquals(10, race.checks().stream().filter(Check::isJUnit).findFirst().orElseThrow().runs());
        assertTrue(race.testFiles().containsKey("BankAccountTest.java"));
        assertTrue(race.taskHtml().contains("<code>deposit(long)</code>"), race.taskHtml());
    }

    @Test
    void everyProblemOfABrokenConfigIsNamedWithTheFile() throws IOException {
        Path folder = exercise("broken", """
                title: ""
                checks:
                  - name: Output
                    points: 200
                    stdout:
                      regex: "([unclosed"
                  - junit: MissingTest
                    tests:
                      - method: works
                        points: 1
                """);
        InvalidExerciseException e = assertThrows(InvalidExerciseException.class, () -> parser.parse("l", folder));
        String message = e.getMessage();
        assertTrue(message.startsWith(folder + ": exercise.yaml: "), message);
        assertTrue(message.contains("'title' is missing"), message);
        assertTrue(message.contains("'points' must be"), message);
        assertTrue(message.contains("regex does not compile"), message);
        assertTrue(message.contains("tests/ is missing"), message);
        assertTrue(message.contains("'id' is missing"), message);
    }

    @Test
    void aScheduleCheckCarriesItsBudgetAndSeed() throws IOException {
        Path folder = exercise("shelf", """
                title: Shelf
                checks:
                  - schedule: ShelfScheduleTest
                    schedules: 2000
                    seed: 42
                    tests:
                      - method: neverAllWaiting
                        points: 3
                  - schedule: ShelfScheduleTest
                    tests:
                      - method: looksAgain
                        points: 1
                """);
        Files.createDirectories(folder.resolve("tests"));
        Files.writeString(folder.resolve("tests/ShelfScheduleTest.java"), "class ShelfScheduleTest { }");
        Exercise exercise = parser.parse("l", folder);
        Check first = exercise.checks().get(0);
        assertTrue(first.isSchedule() && first.isJUnit());
        assertEquals(new ScheduleExploration(2000, 42), first.junit().schedule());
        assertEquals(new ScheduleExploration(1000, 1), exercise.checks().get(1).junit().schedule());
        assertEquals(1, first.runs());
    }

    @Test
    void aScheduleCheckThatCannotRunAsWrittenIsRefusedWithTheReason() throws IOException {
        Path folder = exercise("bad-schedule", """
                title: Bad
                jdk: 21
                checks:
                  - schedule: ShelfScheduleTest
                    junit: ShelfTest
                    tests:
                      - method: m
                        points: 1
                  - schedule: ShelfScheduleTest
                    runs: 5
                    schedules: 0
                    tests:
                      - method: n
                        points: 1
                  - junit: ShelfTest
                    seed: 3
                    tests:
                      - method: o
                        points: 1
                  - schedule: ShelfScheduleTest
                    tests:
                      - method: p
                        points: 1
                """);
        String message = assertThrows(InvalidExerciseException.class, () -> parser.parse("l", folder)).getMessage();
        assertTrue(message.contains("checks[1]: a check is 'junit' or 'schedule', not both"), message);
        assertTrue(message.contains("checks[2]: a schedule check takes 'schedules', not 'runs'"), message);
        assertTrue(message.contains("checks[2]: 'schedules': a schedule check explores 1 to 100000 schedules, not 0"),
                message);
        assertTrue(message.contains("checks[3]: 'schedules' and 'seed' belong to a schedule check"), message);
        assertTrue(message.contains("jdk: schedule checks run on JDK 25"), message);
    }

    /** A translation names what it translates by id: a check reordered in English keeps its Chinese name. */
    @Test
    void aTranslationIsMatchedByIdNotByPosition() throws IOException {
        Path folder = exercise("by-id", """
                title: By id
                hints:
                  - after: 1
                    text: First
                  - after: 3
                    text: Later
                checks:
                  - id: exits
                    name: Exits
                    points: 1
                    exitCode: 0
                  - id: says-hi
                    name: Says hi
                    points: 1
                    stdout:
                      exact: "hi"
                """);
        Files.writeString(folder.resolve("task.zh-CN.md"), "说 hi。");
        Files.writeString(folder.resolve("exercise.zh-CN.yaml"), """
                title: 按 id
                hints:
                  3: 后来
                  1: 先
                checks:
                  says-hi: 输出 hi
                  exits: 正常退出
                """);
        ExerciseText chinese = parser.parse("l", folder).translations().get(Language.ZH_CN);
        assertEquals(List.of("正常退出", "输出 hi"), chinese.checkNames());
        assertEquals(List.of(1, 3), chinese.hints().stream().map(Exercise.Hint::afterFailedAttempts).toList());
        assertTrue(chinese.hints().get(0).html().contains("先"), chinese.hints().toString());

        Files.writeString(folder.resolve("exercise.zh-CN.yaml"), """
                title: 按 id
                hints:
                  1: 先
                  2: 不存在
                checks:
                  says-hi: 输出 hi
                  exit: 正常退出
                """);
        String message = assertThrows(InvalidExerciseException.class, () -> parser.parse("l", folder)).getMessage();
        assertTrue(message.contains("the hint after 3 is not translated"), message);
        assertTrue(message.contains("hints has 2, but no hint of exercise.yaml unlocks after 2"), message);
        assertTrue(message.contains("the check 'exits' is not translated"), message);
        assertTrue(message.contains("checks has 'exit', but exercise.yaml has no check with that id"), message);
    }

    @Test
    void aTypoInAKeyIsAnErrorNotASilentlyDroppedCheck() throws IOException {
        Path folder = exercise("typo", """
                title: Typo
                checks:
                  - name: Output
                    points: 1
                    stdot:
                      exact: "hi"
                """);
        InvalidExerciseException e = assertThrows(InvalidExerciseException.class, () -> parser.parse("l", folder));
        assertTrue(e.getMessage().endsWith("exercise.yaml: checks[1]: unknown key 'stdot' (known here: exitCode, id, "
                + "junit, name, points, runs, schedule, schedules, seed, stderr, stdout, tests, trace)"), e.getMessage());
    }

    @Test
    void theRepositorySkipsBrokenFoldersAndReportsThem() throws IOException {
        exercise("fine", """
                title: Fine
                checks:
                  - id: says-hi
                    name: Says hi
                    points: 1
                    stdout:
                      exact: "hi"
                """);
        Path broken = exercise("no-solution", "title: X\nchecks:\n  - id: a\n    name: A\n    points: 1\n    exitCode: 0\n");
        deleteTree(broken.resolve("solution"));
        ExerciseRepository.Catalog catalog = new ExerciseRepository(lessons, parser).catalog();
        assertEquals(List.of("fine"), List.copyOf(catalog.exercises().keySet()));
        assertEquals(1, catalog.problems().size());
        assertTrue(catalog.problems().get(0).contains("exercises/no-solution: solution/ is missing"), catalog.problems().toString());
    }

    @Test
    void anEditedExerciseIsReadAgain() throws IOException {
        Path folder = exercise("edited", "title: Before\nchecks:\n  - id: a\n    name: A\n    points: 1\n    exitCode: 0\n");
        ExerciseRepository repository = new ExerciseRepository(lessons, parser);
        assertEquals("Before", repository.find("edited").orElseThrow().title());
        Files.writeString(folder.resolve("exercise.yaml"), "title: After!\nchecks:\n  - id: a\n    name: A\n    points: 1\n    exitCode: 0\n");
        assertEquals("After!", repository.find("edited").orElseThrow().title());
        assertFalse(repository.find("missing").isPresent());
    }

    private Path exercise(String id, String yaml) throws IOException {
        Path folder = lessons.resolve("01-demo").resolve("exercises").resolve(id);
        Files.createDirectories(folder.resolve("starter"));
        Files.createDirectories(folder.resolve("solution"));
        Files.writeString(folder.resolve("exercise.yaml"), yaml);
        Files.writeString(folder.resolve("task.md"), "Say *hi*.");
        String main = "public class Main { public static void main(String[] a) { System.out.println(\"hi\"); } }";
        Files.writeString(folder.resolve("starter/Main.java"), main);
        Files.writeString(folder.resolve("solution/Main.java"), main);
        return folder;
    }

    private static void deleteTree(Path folder) throws IOException {
        try (var walk = Files.walk(folder)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** A hidden test's words are translated only where they really are the tests' words. */
    @Test
    void feedbackTranslatesTheTestsOwnWords() throws IOException {
        Path folder = exercise("feedback", """
                title: Feedback
                checks:
                  - junit: HiTest
                    tests:
                      - method: saysHi
                        points: 1
                """);
        Files.createDirectories(folder.resolve("tests"));
        Files.writeString(folder.resolve("tests/HiTest.java"), "class HiTest { void saysHi() { "
                + "org.junit.jupiter.api.Assertions.fail(\"no greeting: \" + 1 + \" lines, none says hi\"); } }");
        Files.writeString(folder.resolve("task.zh-CN.md"), "说 hi。");
        Files.writeString(folder.resolve("exercise.zh-CN.yaml"), """
                title: 反馈
                checks:
                  saysHi: 说 hi
                feedback:
                  "no greeting: ": "没有问候："
                  " lines, none says hi": " 行，没有一行说 hi"
                """);
        ExerciseText chinese = parser.parse("l", folder).translations().get(Language.ZH_CN);
        assertEquals("没有问候：3 行，没有一行说 hi", chinese.feedback("no greeting: 3 lines, none says hi"));

        Files.writeString(folder.resolve("exercise.zh-CN.yaml"), """
                title: 反馈
                checks:
                  saysHi: 说 hi
                feedback:
                  "no hello at all": "完全没有问候"
                  "hi": "嗨"
                """);
        String message = assertThrows(InvalidExerciseException.class, () -> parser.parse("l", folder)).getMessage();
        assertTrue(message.contains("feedback 'no hello at all' does not occur in tests/"), message);
        assertTrue(message.contains("feedback needs text of 4 or more characters"), message);
    }
}
