package dev.threadlab.grading;

import dev.threadlab.lesson.InvalidLessonException;
import dev.threadlab.lesson.LessonParser;
import dev.threadlab.sandbox.CompileDiagnostic;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Checks a whole lessons/ tree the way CI does: every lesson parses and each of its runnable examples compiles in
 * the sandbox; every exercise parses, its reference solution gets full marks (concurrency checks run as often as
 * they ask) and its starter does not. Problems name the file and say what is wrong.
 */
@Singleton
public class CourseValidator {
    private final LessonParser lessonParser;
    private final ExerciseParser exerciseParser;
    private final Grader grader;
    private final GradingSandbox sandbox;

    CourseValidator(LessonParser lessonParser, ExerciseParser exerciseParser, Grader grader, GradingSandbox sandbox) {
        this.lessonParser = lessonParser;
        this.exerciseParser = exerciseParser;
        this.grader = grader;
        this.sandbox = sandbox;
    }

    /** What was checked and what is wrong; no problems means the tree is fit to serve. */
    public record Report(List<String> checked, List<String> problems) {
    }

    public Report validate(Path lessonsRoot) throws IOException, InterruptedException {
        List<String> checked = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Path root = lessonsRoot.toAbsolutePath().normalize();
        for (Path lessonFile : lessonFiles(root)) {
            validateLesson(root, lessonFile, checked, problems);
        }
        ExerciseRepository.Catalog catalog = new ExerciseRepository(root, exerciseParser).catalog();
        problems.addAll(catalog.problems());
        for (Exercise exercise : catalog.exercises().values()) {
            validateExercise(root, exercise, checked, problems);
        }
        return new Report(checked, problems);
    }

    private void validateLesson(Path root, Path file, List<String> checked, List<String> problems)
            throws IOException, InterruptedException {
        String shown = shown(root, file);
        String markdown = Files.readString(file, StandardCharsets.UTF_8);
        try {
            lessonParser.parse(file.getParent().getFileName().toString(), markdown);
        } catch (InvalidLessonException e) {
            problems.add(shown + ": " + e.getMessage());
            return;
        }
        for (LessonParser.RunnableExample example : lessonParser.runnableExamples(markdown)) {
            String fileName = example.mainClass().replace('.', '/') + ".java";
            GradingRun run = sandbox.compile(Map.of(fileName, example.source()));
            checked.add(shown + ":" + example.line() + " compiles");
            if (!run.compiled()) {
                problems.add(shown + ":" + example.line() + ": the runnable example does not compile: "
                        + firstError(run.diagnostics()));
            } else if (run.abnormalEnd() != null) {
                problems.add(shown + ":" + example.line() + ": could not be compiled: " + run.abnormalEnd());
            }
        }
    }

    private void validateExercise(Path root, Exercise exercise, List<String> checked, List<String> problems)
            throws InterruptedException {
        Path folder = root.resolve(exercise.lessonId()).resolve("exercises").resolve(exercise.id());
        List<CheckResult> reference = grader.grade(exercise, exercise.solutionFiles());
        int referenceScore = reference.stream().mapToInt(CheckResult::points).sum();
        checked.add(shown(root, folder) + ": the reference solution scores " + referenceScore + "/" + exercise.maxScore());
        if (referenceScore != exercise.maxScore()) {
            String failed = reference.stream().filter(r -> !r.passed())
                    .map(r -> "'" + r.name() + "': " + r.message()).reduce((a, b) -> a + "; " + b).orElse("");
            problems.add(shown(root, folder.resolve("solution")) + ": the reference solution scores " + referenceScore
                    + "/" + exercise.maxScore() + ", not full marks. Failed " + failed);
        }
        int starterScore = grader.grade(exercise, exercise.starterFiles()).stream().mapToInt(CheckResult::points).sum();
        checked.add(shown(root, folder) + ": the starter scores " + starterScore + "/" + exercise.maxScore());
        if (starterScore >= exercise.maxScore()) {
            problems.add(shown(root, folder.resolve("starter")) + ": the starter already gets full marks; "
                    + "the learner would have nothing to do");
        }
    }

    private static List<Path> lessonFiles(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException(root + " is not a folder");
        }
        try (Stream<Path> lessons = Files.list(root)) {
            return lessons.map(folder -> folder.resolve("lesson.md")).filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static String firstError(List<CompileDiagnostic> diagnostics) {
        return diagnostics.stream().filter(d -> "error".equals(d.severity())).findFirst()
                .map(d -> "line " + d.line() + ": " + d.message()).orElse("see the compiler");
    }

    /** Paths as an instructor reads them: from the folder that holds lessons/. */
    private static String shown(Path root, Path file) {
        Path base = root.getParent() == null ? root : root.getParent();
        return base.relativize(file).toString();
    }
}
