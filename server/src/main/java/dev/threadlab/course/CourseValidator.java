package dev.threadlab.course;

import dev.threadlab.exercise.Exercise;
import dev.threadlab.exercise.ExerciseParser;
import dev.threadlab.exercise.ExerciseRepository;
import dev.threadlab.exercise.InvalidExerciseException;
import dev.threadlab.exercise.WrongSolutions;
import dev.threadlab.grading.CheckResult;
import dev.threadlab.grading.ExampleEnd;
import dev.threadlab.grading.Grader;
import dev.threadlab.grading.GradingRun;
import dev.threadlab.grading.GradingSandbox;
import dev.threadlab.lesson.InvalidLessonException;
import dev.threadlab.lesson.JavaCode;
import dev.threadlab.lesson.Language;
import dev.threadlab.lesson.LessonParser;
import dev.threadlab.lesson.TranslatedExamples;
import dev.threadlab.trace.TraceConfig;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Checks a whole lessons/ tree the way CI does: every lesson and translation parses, each runnable example runs in
 * the sandbox and ends as it says (normally, unless it is marked {@code expect=}/{@code exit=}), a translation has
 * the English examples and its exercises are translated too; every exercise parses, its reference solution gets
 * full marks (concurrency checks run as often as they ask), and its starter and each of its wrong solutions fail a
 * check (graded only up to their first failure). Problems name the file and say what is wrong.
 */
@Singleton
public class CourseValidator {
    private final LessonParser lessonParser;
    private final ExerciseParser exerciseParser;
    private final Grader grader;
    private final GradingSandbox sandbox;
    private final TraceConfig traceConfig;
    private final WrongSolutions wrongSolutions;

    CourseValidator(LessonParser lessonParser, ExerciseParser exerciseParser, Grader grader, GradingSandbox sandbox,
            TraceConfig traceConfig, WrongSolutions wrongSolutions) {
        this.lessonParser = lessonParser;
        this.exerciseParser = exerciseParser;
        this.grader = grader;
        this.sandbox = sandbox;
        this.traceConfig = traceConfig;
        this.wrongSolutions = wrongSolutions;
    }

    /** What was checked and what is wrong; no problems means the tree is fit to serve. */
    public record Report(List<String> checked, List<String> problems) {
    }

    public Report validate(Path lessonsRoot) throws IOException, InterruptedException {
        List<String> checked = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Path root = lessonsRoot.toAbsolutePath().normalize();
        ExerciseRepository.Catalog catalog = new ExerciseRepository(root, exerciseParser).catalog();
        Map<String, String> examplesRun = new HashMap<>();
        for (Path lessonFile : lessonFiles(root)) {
            Path folder = lessonFile.getParent();
            List<LessonParser.RunnableExample> english = validateLesson(root, lessonFile, Language.EN, null,
                    examplesRun, checked, problems);
            for (Language language : Language.translations()) {
                Path translation = folder.resolve(language.fileName("lesson", "md"));
                if (Files.isRegularFile(translation)) {
                    validateLesson(root, translation, language, english, examplesRun, checked, problems);
                    requireTranslatedExercises(root, folder, language, catalog, problems);
                }
            }
        }
        problems.addAll(catalog.problems());
        for (Exercise exercise : catalog.exercises().values()) {
            validateExercise(root, exercise, checked, problems);
        }
        return new Report(checked, problems);
    }

    /**
     * Parses one language version of a lesson and runs each runnable example, which must end as it says. A
     * translation must have the English examples (comments aside); an example whose code was already run in the
     * other language is not run again. Returns the examples, or null when the file does not parse.
     */
    private List<LessonParser.RunnableExample> validateLesson(Path root, Path file, Language language,
            List<LessonParser.RunnableExample> english, Map<String, String> examplesRun, List<String> checked,
            List<String> problems) throws IOException, InterruptedException {
        String shown = shown(root, file);
        String markdown = Files.readString(file, StandardCharsets.UTF_8);
        List<LessonParser.RunnableExample> examples;
        try {
            lessonParser.parse(file.getParent().getFileName().toString(), markdown, language);
            examples = lessonParser.runnableExamples(markdown);
        } catch (InvalidLessonException e) {
            problems.add(shown + ": " + e.getMessage());
            return null;
        }
        if (english != null) {
            TranslatedExamples.differences(english, examples).forEach(problem -> problems.add(shown + ": " + problem));
        }
        for (LessonParser.RunnableExample example : examples) {
            String where = shown + ":" + example.line();
            String key = example.mainClass() + "\n" + example.expected() + "\n" + example.files().entrySet().stream()
                    .map(source -> source.getKey() + "\n" + JavaCode.withoutComments(source.getValue())).toList();
            if (examplesRun.containsKey(key)) {
                checked.add(where + " is the example at " + examplesRun.get(key) + ", already run");
                continue;
            }
            examplesRun.put(key, where);
            GradingRun run = sandbox.runExample(example.mainClass(), example.files(), traceConfig.sampleHz());
            checked.add(where + " compiles and runs");
            ExampleEnd.problem(example.expected(), run).ifPresent(problem -> problems.add(where + ": " + problem));
        }
        return examples;
    }

    /** A lesson translated into a language has its exercises' texts in that language too. */
    private static void requireTranslatedExercises(Path root, Path lessonFolder, Language language,
            ExerciseRepository.Catalog catalog, List<String> problems) {
        String lessonId = lessonFolder.getFileName().toString();
        for (Exercise exercise : catalog.exercises().values()) {
            if (exercise.lessonId().equals(lessonId) && !exercise.translations().containsKey(language)) {
                problems.add(shown(root, lessonFolder.resolve("exercises").resolve(exercise.id())) + ": the lesson is in "
                        + language.tag() + " but the exercise has no " + language.fileName("task", "md") + " and "
                        + language.fileName("exercise", "yaml"));
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
        Optional<CheckResult> starterFails = grader.firstFailure(exercise, exercise.starterFiles());
        if (starterFails.isPresent()) {
            checked.add(shown(root, folder) + ": the starter fails " + described(starterFails.get()));
        } else {
            problems.add(shown(root, folder.resolve("starter")) + ": the starter already gets full marks; "
                    + "the learner would have nothing to do");
        }
        validateWrongSolutions(root, folder, exercise, checked, problems);
    }

    /** Each wrong solution (hard-coded output, the racy version, …) must score below full marks. */
    private void validateWrongSolutions(Path root, Path folder, Exercise exercise, List<String> checked,
            List<String> problems) throws InterruptedException {
        Map<String, Map<String, String>> variants;
        try {
            variants = wrongSolutions.of(exercise, folder, false);
        } catch (InvalidExerciseException e) {
            problems.add(shown(root, folder) + ": " + e.getMessage().substring(e.getMessage().indexOf(": ") + 2));
            return;
        }
        for (Map.Entry<String, Map<String, String>> variant : variants.entrySet()) {
            String where = shown(root, folder.resolve("wrong").resolve(variant.getKey()));
            Optional<CheckResult> failed = grader.firstFailure(exercise, variant.getValue());
            if (failed.isPresent()) {
                checked.add(where + ": the wrong solution fails " + described(failed.get()));
            } else {
                problems.add(where + ": the wrong solution gets full marks; the checks cannot tell it from a right one");
            }
        }
    }

    /** A failed check as "'name': the first line of its message". */
    private static String described(CheckResult failed) {
        String message = failed.message() == null ? "" : failed.message().lines().findFirst().orElse("");
        return "'" + failed.name() + "': " + message;
    }

    private static List<Path> lessonFiles(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException(root + " is not a folder");
        }
        try (Stream<Path> lessons = Files.list(root)) {
            return lessons.map(folder -> folder.resolve("lesson.md")).filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** Paths as an instructor reads them: from the folder that holds lessons/. */
    private static String shown(Path root, Path file) {
        Path base = root.getParent() == null ? root : root.getParent();
        return base.relativize(file).toString();
    }
}
