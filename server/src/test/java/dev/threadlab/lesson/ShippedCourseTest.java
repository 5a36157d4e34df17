package dev.threadlab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The course as shipped: every lesson in English and Simplified Chinese with the same runnable examples, the
 * sections every lesson promises, a link onwards, and translated exercises. (Running the examples and grading the
 * exercises is CourseValidationTest's job.)
 */
class ShippedCourseTest {
    private static final Path LESSONS = Path.of("lessons");
    private final LessonParser parser = new LessonParser();

    @Test
    void everyLessonExistsInBothLanguagesWithTheSameExamples() throws IOException {
        List<Path> folders = lessonFolders();
        assertTrue(folders.size() >= 17, "at least 17 lessons: " + folders);
        List<String> problems = new ArrayList<>();
        for (Path folder : folders) {
            Path chinese = folder.resolve("lesson.zh-CN.md");
            if (!Files.isRegularFile(chinese)) {
                problems.add(folder + ": no lesson.zh-CN.md");
                continue;
            }
            String en = Files.readString(folder.resolve("lesson.md"), StandardCharsets.UTF_8);
            String zh = Files.readString(chinese, StandardCharsets.UTF_8);
            Lesson english = parser.parse(folder.getFileName().toString(), en, Language.EN);
            Lesson translated = parser.parse(folder.getFileName().toString(), zh, Language.ZH_CN);
            if (english.order() != translated.order()) {
                problems.add(chinese + ": order " + translated.order() + ", English " + english.order());
            }
            List<LessonParser.RunnableExample> examples = parser.runnableExamples(en);
            if (examples.isEmpty()) {
                problems.add(folder + ": no runnable example");
            }
            TranslatedExamples.differences(examples, parser.runnableExamples(zh))
                    .forEach(difference -> problems.add(chinese + ": " + difference));
            requireHeading(problems, folder.resolve("lesson.md"), en, "## What to look for in the trace");
            requireHeading(problems, folder.resolve("lesson.md"), en, "## Recap");
            requireHeading(problems, chinese, zh, "## 在调度轨迹中看什么");
            requireHeading(problems, chinese, zh, "## 小结");
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyLessonLinksToTheNextOneAndTheLastToTheCourseHome() throws IOException {
        List<Path> folders = lessonFolders().stream()
                .sorted((a, b) -> Integer.compare(order(a), order(b))).toList();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < folders.size(); i++) {
            String target = i + 1 < folders.size() ? "(/lessons/" + folders.get(i + 1).getFileName() + ")" : "(/)";
            for (String file : List.of("lesson.md", "lesson.zh-CN.md")) {
                Path path = folders.get(i).resolve(file);
                if (Files.isRegularFile(path) && !recap(Files.readString(path, StandardCharsets.UTF_8)).contains(target)) {
                    problems.add(path + ": the recap does not link to " + target);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyLessonHasATranslatedExercise() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path folder : lessonFolders()) {
            Path exercises = folder.resolve("exercises");
            List<Path> each = Files.isDirectory(exercises) ? list(exercises) : List.of();
            if (each.isEmpty()) {
                problems.add(folder + ": no exercise");
            }
            for (Path exercise : each) {
                for (String file : List.of("task.md", "task.zh-CN.md", "exercise.yaml", "exercise.zh-CN.yaml")) {
                    if (!Files.isRegularFile(exercise.resolve(file))) {
                        problems.add(exercise + ": no " + file);
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    private static void requireHeading(List<String> problems, Path file, String markdown, String heading) {
        if (markdown.lines().noneMatch(line -> line.strip().equals(heading))) {
            problems.add(file + ": no '" + heading + "' section");
        }
    }

    /** The text from the recap heading on. */
    private static String recap(String markdown) {
        int at = Math.max(markdown.lastIndexOf("## Recap"), markdown.lastIndexOf("## 小结"));
        return at < 0 ? "" : markdown.substring(at);
    }

    private int order(Path folder) {
        try {
            return parser.parse(folder.getFileName().toString(),
                    Files.readString(folder.resolve("lesson.md"), StandardCharsets.UTF_8)).order();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> lessonFolders() throws IOException {
        return list(LESSONS).stream().filter(folder -> Files.isRegularFile(folder.resolve("lesson.md"))).toList();
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        }
    }
}
