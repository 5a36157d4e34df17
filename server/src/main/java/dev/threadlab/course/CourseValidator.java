package dev.threadlab.course;

import dev.threadlab.exercise.Check;
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
import dev.threadlab.run.SandboxLanes;
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
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Checks a whole lessons/ tree the way CI does: every lesson and translation parses, each runnable example runs in
 * the sandbox and ends as it says (normally, unless it is marked {@code expect=}/{@code exit=}), a translation has
 * the English examples and its exercises are translated too; every exercise parses, its reference solution gets
 * full marks (concurrency checks run as often as they ask), and its starter and each of its wrong solutions fail a
 * check (graded only up to their first failure). Problems name the file and say what is wrong.
 */
@Singleton
public class CourseValidator {
    private static final Logger LOG = Logger.getLogger(CourseValidator.class);
    /** How many times a wrong solution of an exercise with a schedule check is graded: it must fail each time. */
    static final int VALIDATIONS = 3;

    private final LessonParser lessonParser;
    private final ExerciseParser exerciseParser;
    private final Grader grader;
    private final GradingSandbox sandbox;
    private final TraceConfig traceConfig;
    private final WrongSolutions wrongSolutions;
    private final SandboxLanes lanes;

    CourseValidator(LessonParser lessonParser, ExerciseParser exerciseParser, Grader grader, GradingSandbox sandbox,
            TraceConfig traceConfig, WrongSolutions wrongSolutions, SandboxLanes lanes) {
        this.lessonParser = lessonParser;
        this.exerciseParser = exerciseParser;
        this.grader = grader;
        this.sandbox = sandbox;
        this.traceConfig = traceConfig;
        this.wrongSolutions = wrongSolutions;
        this.lanes = lanes;
    }

    /** What was checked and what is wrong; no problems means the tree is fit to serve. */
    public record Report(List<String> checked, List<String> problems) {
    }

    /** What one step of the validation found; steps are planned in report order and may run at the same time. */
    private record Findings(List<String> checked, List<String> problems) {
        Findings() {
            this(new ArrayList<>(), new ArrayList<>());
        }
    }

    public Report validate(Path lessonsRoot) throws IOException, InterruptedException {
        Path root = lessonsRoot.toAbsolutePath().normalize();
        ExerciseRepository.Catalog catalog = new ExerciseRepository(root, exerciseParser).catalog();
        List<Callable<Findings>> steps = new ArrayList<>();
        Map<String, String> examplesRun = new HashMap<>();
        for (Path lessonFile : lessonFiles(root)) {
            Path folder = lessonFile.getParent();
            List<LessonParser.RunnableExample> english = planLesson(root, lessonFile, Language.EN, null, examplesRun,
                    steps);
            for (Language language : Language.translations()) {
                Path translation = folder.resolve(language.fileName("lesson", "md"));
                if (Files.isRegularFile(translation)) {
                    planLesson(root, translation, language, english, examplesRun, steps);
                    Findings untranslated = new Findings();
                    requireTranslatedExercises(root, folder, language, catalog, untranslated.problems());
                    steps.add(() -> untranslated);
                }
            }
        }
        Findings catalogProblems = new Findings(List.of(), catalog.problems());
        steps.add(() -> catalogProblems);
        for (Exercise exercise : catalog.exercises().values()) {
            steps.add(() -> timed(exercise.lessonId() + "/" + exercise.id(), () -> validateExercise(root, exercise)));
        }
        return run(steps);
    }

    /**
     * Runs the steps as many at a time as the sandbox has run slots: a step mostly waits for its sandbox runs (each a
     * JVM start plus a program that sleeps), and the slots already bound how many containers run at once. Measured on
     * 2 cores: the shipped course took 28 minutes one step at a time, 15 to 17 two at a time.
     */
    private Report run(List<Callable<Findings>> steps) throws InterruptedException {
        AtomicInteger named = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, lanes.slots()),
                step -> new Thread(step, "course-validation-" + named.incrementAndGet()));
        try {
            List<String> checked = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            for (Future<Findings> step : workers.invokeAll(steps)) {
                Findings findings = outcome(step);
                checked.addAll(findings.checked());
                problems.addAll(findings.problems());
            }
            return new Report(checked, problems);
        } finally {
            workers.shutdownNow();
        }
    }

    private static Findings outcome(Future<Findings> step) throws InterruptedException {
        try {
            return step.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("A validation step failed", e.getCause());
        }
    }

    private static Findings timed(String what, Callable<Findings> step) throws Exception {
        long start = System.nanoTime();
        Findings findings = step.call();
        LOG.infof("Validated %s in %.1f s", what, (System.nanoTime() - start) / 1e9);
        return findings;
    }

    /**
     * Parses one language version of a lesson and plans a run of each runnable example, which must end as it says. A
     * translation must have the English examples (comments aside); an example whose code was already planned in the
     * other language is not run again. Returns the examples, or null when the file does not parse.
     */
    private List<LessonParser.RunnableExample> planLesson(Path root, Path file, Language language,
            List<LessonParser.RunnableExample> english, Map<String, String> examplesRun, List<Callable<Findings>> steps)
            throws IOException {
        String shown = shown(root, file);
        String markdown = Files.readString(file, StandardCharsets.UTF_8);
        Findings parsed = new Findings();
        steps.add(() -> parsed);
        List<LessonParser.RunnableExample> examples;
        try {
            lessonParser.parse(file.getParent().getFileName().toString(), markdown, language);
            examples = lessonParser.runnableExamples(markdown);
        } catch (InvalidLessonException e) {
            parsed.problems().add(shown + ": " + e.getMessage());
            return null;
        }
        if (english != null) {
            TranslatedExamples.differences(english, examples)
                    .forEach(problem -> parsed.problems().add(shown + ": " + problem));
        }
        for (LessonParser.RunnableExample example : examples) {
            String where = shown + ":" + example.line();
            String key = example.mainClass() + "\n" + example.expected() + "\n" + example.jdk() + "\n" + example.files().entrySet().stream()
                    .map(source -> source.getKey() + "\n" + JavaCode.withoutComments(source.getValue())).toList();
            if (examplesRun.containsKey(key)) {
                parsed.checked().add(where + " is the example at " + examplesRun.get(key) + ", already run");
                continue;
            }
            examplesRun.put(key, where);
            steps.add(() -> timed(where, () -> runExample(where, example)));
        }
        return examples;
    }

    private Findings runExample(String where, LessonParser.RunnableExample example) throws InterruptedException {
        Findings findings = new Findings();
        GradingRun run = sandbox.runExample(example.mainClass(), example.files(), example.jdk(), traceConfig.sampleHz());
        findings.checked().add(where + " compiles and runs on JDK " + example.jdk().feature());
        ExampleEnd.problem(example.expected(), run).ifPresent(problem -> findings.problems().add(where + ": " + problem));
        return findings;
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

    private Findings validateExercise(Path root, Exercise exercise) throws InterruptedException {
        List<String> checked = new ArrayList<>();
        List<String> problems = new ArrayList<>();
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
        return new Findings(checked, problems);
    }

    /** Each wrong solution (hard-coded output, the racy version, …) must score below full marks. */
    private void validateWrongSolutions(Path root, Path folder, Exercise exercise, List<String> checked,
            List<String> problems) throws InterruptedException {
        Map<String, Map<String, String>> variants;
        try {
            variants = wrongSolutions.of(exercise, folder, true);
        } catch (InvalidExerciseException e) {
            problems.add(shown(root, folder) + ": " + e.getMessage().substring(e.getMessage().indexOf(": ") + 2));
            return;
        }
        for (Map.Entry<String, Map<String, String>> variant : variants.entrySet()) {
            String where = shown(root, folder.resolve("wrong").resolve(variant.getKey()));
            Optional<CheckResult> failed = grader.firstFailure(exercise, variant.getValue());
            if (failed.isPresent()) {
                checked.add(where + ": the wrong solution fails " + described(failed.get()));
                if (exercise.checks().stream().anyMatch(Check::isSchedule)) {
                    sameFailureAgain(exercise, variant.getValue(), failed.get())
                            .ifPresentOrElse(problem -> problems.add(where + ": " + problem),
                                    () -> checked.add(where + ": fails in each of " + VALIDATIONS + " validations, its schedule checks alike"));
                }
            } else {
                problems.add(where + ": the wrong solution gets full marks; the checks cannot tell it from a right one");
            }
        }
    }

    /**
     * A schedule check's grade must not depend on luck: graded again, the same wrong solution fails again, and
     * whenever its first failure is a schedule check, it is the same one failing the same way (the same schedule
     * number, assertion and replayed steps). A plain check before it may catch the bug in one grading and miss it in
     * the next (that is what repetition does); then the schedule check catches it. Returns what differed, if anything.
     */
    private Optional<String> sameFailureAgain(Exercise exercise, Map<String, String> files, CheckResult first)
            throws InterruptedException {
        CheckResult schedule = isSchedule(exercise, first) ? first : null;
        for (int validation = 2; validation <= VALIDATIONS; validation++) {
            Optional<CheckResult> again = grader.firstFailure(exercise, files);
            if (again.isEmpty()) {
                return Optional.of("the wrong solution got full marks in validation " + validation + " of "
                        + VALIDATIONS + " (failed " + described(first) + " in the first)");
            }
            if (!isSchedule(exercise, again.get())) {
                continue;
            }
            if (schedule == null) {
                schedule = again.get();
            } else if (!sameFailure(schedule, again.get())) {
                return Optional.of("the wrong solution failed differently in validation " + validation + " of "
                        + VALIDATIONS + ": " + described(again.get()) + ", not " + described(schedule));
            }
        }
        return Optional.empty();
    }

    private static boolean isSchedule(Exercise exercise, CheckResult result) {
        return exercise.checks().stream().anyMatch(check -> check.isSchedule() && check.id().equals(result.checkId()));
    }

    private static boolean sameFailure(CheckResult first, CheckResult again) {
        return first.checkId().equals(again.checkId()) && Objects.equals(first.message(), again.message())
                && Objects.equals(first.interleaving(), again.interleaving());
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
