package dev.threadlab.exercise;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.threadlab.lesson.Language;
import dev.threadlab.lesson.LessonParser;
import dev.threadlab.protocol.JavaRelease;
import dev.threadlab.protocol.ScheduleExploration;
import dev.threadlab.sandbox.ProgramLimits;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads one exercise folder: {@code exercise.yaml} (title, checks, limits, hints), {@code task.md} (what the learner
 * reads), {@code starter/} (what the editor opens with), {@code solution/} (the reference solution: only the files that
 * differ from the starter) and, for JUnit
 * checks, {@code tests/}. Everything is checked here, so a broken exercise is refused with the file and the reason.
 */
@Singleton
public class ExerciseParser {
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern CLASS_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*");
    private static final Pattern JVM_OPTION = Pattern.compile("-[XD]\\S+");
    private static final Pattern METHOD_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    /** Schedules a schedule check explores when its exercise says nothing. */
    static final int DEFAULT_SCHEDULES = 1000;
    private static final Pattern CHECK_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** Shorter feedback would be replaced inside other words. */
    private static final int MIN_FEEDBACK = 4;
    private static final long MAX_FILE_BYTES = 256 * 1024;
    private static final int MAX_RUNS = 20;
    private static final long MIN_MEMORY = 64L << 20;
    private static final long MAX_MEMORY = 4L << 30;

    private final YAMLMapper yaml = new YAMLMapper();
    private final LessonParser markdown;

    ExerciseParser(LessonParser markdown) {
        this.markdown = markdown;
    }

    public Exercise parse(String lessonId, Path folder) {
        String id = folder.getFileName().toString();
        if (!ID.matcher(id).matches()) {
            throw new InvalidExerciseException(folder + ": folder names are lower-case letters, digits and dashes");
        }
        Path configFile = folder.resolve("exercise.yaml");
        ExerciseFile config = readConfig(configFile);
        Problems problems = new Problems(folder);
        String title = problems.require(config.title(), "title");
        String mainClass = Objects.requireNonNullElse(config.mainClass(), "Main");
        if (!CLASS_NAME.matcher(mainClass).matches()) {
            problems.add("mainClass '" + mainClass + "' is not a Java class name");
        }
        String task = readText(folder.resolve("task.md"), problems);
        Map<String, String> starter = sources(folder, "starter", problems);
        // solution/ holds the files that differ from the starter; the others are the starter's.
        Map<String, String> solution = new TreeMap<>(starter);
        solution.putAll(sources(folder, "solution", problems));
        String mainFile = mainClass.replace('.', '/') + ".java";
        if (!starter.isEmpty() && !starter.containsKey(mainFile)) {
            problems.inFolder("starter/ has no " + mainFile + " for mainClass " + mainClass);
        }
        if (!solution.isEmpty() && !solution.containsKey(mainFile)) {
            problems.inFolder("solution/ has no " + mainFile + " for mainClass " + mainClass);
        }
        List<Check> checks = checks(config, problems);
        boolean needsTests = checks.stream().anyMatch(Check::isJUnit);
        Map<String, String> tests = needsTests ? sources(folder, "tests", problems) : Map.of();
        for (Check check : checks) {
            if (check.isJUnit() && !tests.isEmpty() && !tests.containsKey(check.junit().className().replace('.', '/') + ".java")) {
                problems.add("check '" + check.name() + "': tests/ has no " + check.junit().className() + ".java");
            }
        }
        ProgramLimits limits = limits(config.limits(), problems);
        List<String> jvmOptions = jvmOptions(config.jvmOptions(), problems);
        List<Exercise.Hint> hints = hints(config.hints(), problems);
        Map<Language, ExerciseText> translations = new EnumMap<>(Language.class);
        for (Language language : Language.translations()) {
            translation(folder, language, config, checks, tests, problems)
                    .ifPresent(text -> translations.put(language, text));
        }
        JavaRelease jdk = jdk(config.jdk(), problems);
        if (jdk != ScheduleExploration.JDK && checks.stream().anyMatch(Check::isSchedule)) {
            problems.add("jdk: schedule checks run on JDK " + ScheduleExploration.JDK.feature()
                    + " (the only one Fray instruments); leave 'jdk' out or set it to " + ScheduleExploration.JDK.feature());
        }
        problems.throwIfAny();
        return new Exercise(id, lessonId, title, markdown.renderMarkdown(task), mainClass, starter, Map.copyOf(solution), tests,
                config.stdin(), limits, jvmOptions, List.copyOf(checks), hints, Boolean.TRUE.equals(config.showSolutionAfterPass()),
                Map.copyOf(translations), jdk);
    }

    private static JavaRelease jdk(Integer feature, Problems problems) {
        try {
            return feature == null ? JavaRelease.DEFAULT : JavaRelease.of(feature);
        } catch (IllegalArgumentException notOffered) {
            problems.add("jdk: " + notOffered.getMessage());
            return JavaRelease.DEFAULT;
        }
    }

    /**
     * The exercise's words in another language: task.<lang>.md and exercise.<lang>.yaml, which translates every hint
     * (by its {@code after}) and every check (by its id, a test's method) of exercise.yaml. Both files or neither.
     */
    private Optional<ExerciseText> translation(Path folder, Language language, ExerciseFile config, List<Check> checks,
            Map<String, String> tests, Problems problems) {
        Path taskFile = folder.resolve(language.fileName("task", "md"));
        Path textFile = folder.resolve(language.fileName("exercise", "yaml"));
        if (!Files.exists(taskFile) && !Files.exists(textFile)) {
            return Optional.empty();
        }
        String where = textFile.getFileName() + ": ";
        if (!Files.isRegularFile(taskFile) || !Files.isRegularFile(textFile)) {
            problems.inFolder("a translation needs both " + taskFile.getFileName() + " and " + textFile.getFileName());
            return Optional.empty();
        }
        ExerciseTranslationFile text;
        try {
            text = yaml.readValue(textFile.toFile(), ExerciseTranslationFile.class);
        } catch (IOException e) {
            problems.inFolder(where + "cannot be read: " + e.getMessage().lines().findFirst().orElse(""));
            return Optional.empty();
        }
        if (text == null || text.title() == null || text.title().isBlank()) {
            problems.inFolder(where + "'title' is missing");
            return Optional.empty();
        }
        List<ExerciseFile.HintEntry> englishHints = config.hints() == null ? List.of() : config.hints();
        Map<Integer, String> hints = text.hints() == null ? Map.of() : text.hints();
        Map<String, String> checkNames = text.checks() == null ? Map.of() : text.checks();
        List<String> mismatches = new ArrayList<>();
        List<Integer> afters = englishHints.stream().map(ExerciseFile.HintEntry::after).toList();
        afters.stream().filter(after -> blank(hints.get(after)))
                .forEach(after -> mismatches.add("the hint after " + after + " is not translated"));
        hints.keySet().stream().filter(after -> !afters.contains(after))
                .forEach(after -> mismatches.add("hints has " + after + ", but no hint of exercise.yaml unlocks after "
                        + after));
        List<String> ids = checks.stream().map(Check::id).toList();
        ids.stream().filter(id -> blank(checkNames.get(id)))
                .forEach(id -> mismatches.add("the check '" + id + "' is not translated"));
        checkNames.keySet().stream().filter(id -> !ids.contains(id))
                .forEach(id -> mismatches.add("checks has '" + id + "', but exercise.yaml has no check with that id"));
        Map<String, String> feedback = text.feedback() == null ? Map.of() : text.feedback();
        feedback.forEach((english, translated) -> {
            if (english == null || english.strip().length() < MIN_FEEDBACK || blank(translated)) {
                mismatches.add("feedback needs text of " + MIN_FEEDBACK + " or more characters and its translation: '"
                        + english + "'");
            } else if (tests.values().stream().noneMatch(source -> source.contains(english))) {
                mismatches.add("feedback '" + english + "' does not occur in tests/");
            }
        });
        if (!mismatches.isEmpty()) {
            mismatches.forEach(mismatch -> problems.inFolder(where + mismatch));
            return Optional.empty();
        }
        List<String> names = ids.stream().map(checkNames::get).toList();
        List<Exercise.Hint> translatedHints = new ArrayList<>();
        for (Integer after : afters) {
            translatedHints.add(new Exercise.Hint(after, markdown.renderMarkdown(hints.get(after))));
        }
        return Optional.of(new ExerciseText(text.title(), markdown.renderMarkdown(readText(taskFile, problems)),
                List.copyOf(translatedHints), List.copyOf(names), Map.copyOf(feedback)));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private ExerciseFile readConfig(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidExerciseException(file + ": missing (every exercise folder needs exercise.yaml)");
        }
        try {
            ExerciseFile config = yaml.readValue(file.toFile(), ExerciseFile.class);
            if (config == null) {
                throw new InvalidExerciseException(file + ": the file is empty");
            }
            return config;
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidExerciseException(file.getParent() + ": exercise.yaml: " + path(e) + "unknown key '"
                    + e.getPropertyName() + "' (known here: " + e.getKnownPropertyIds().stream().map(String::valueOf)
                    .sorted().collect(Collectors.joining(", ")) + ")");
        } catch (JsonMappingException e) {
            throw new InvalidExerciseException(file.getParent() + ": exercise.yaml: " + path(e) + "wrong kind of value: "
                    + e.getOriginalMessage().replaceAll(" \\(class [^)]*\\)", "").lines().findFirst().orElse(""));
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " line " + e.getLocation().getLineNr();
            throw new InvalidExerciseException(file.getParent() + ": exercise.yaml" + where + ": not valid YAML: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where in the YAML a mapping error is, as "checks[2].stdout: ". */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex() + 1).append(']');
            }
        }
        // The failing key itself is named in the message.
        int lastDot = path.lastIndexOf(".");
        String parent = e instanceof UnrecognizedPropertyException ? (lastDot < 0 ? "" : path.substring(0, lastDot)) : path.toString();
        return parent.isEmpty() ? "" : parent + ": ";
    }

    private List<Check> checks(ExerciseFile config, Problems problems) {
        List<Check> checks = new ArrayList<>();
        if (config.checks() == null || config.checks().isEmpty()) {
            problems.add("'checks' lists no check");
            return checks;
        }
        for (int i = 0; i < config.checks().size(); i++) {
            ExerciseFile.CheckEntry entry = config.checks().get(i);
            String where = "checks[" + (i + 1) + "]";
            int runs = Objects.requireNonNullElse(entry.runs(), 1);
            if (runs < 1 || runs > MAX_RUNS) {
                problems.add(where + ": 'runs' must be between 1 and " + MAX_RUNS);
            }
            if (entry.junit() != null && entry.schedule() != null) {
                problems.add(where + ": a check is 'junit' or 'schedule', not both");
            } else if (entry.junit() != null || entry.schedule() != null) {
                junitChecks(entry, where, runs, problems, checks);
            } else {
                programCheck(entry, where, runs, problems).ifPresent(checks::add);
            }
        }
        List<String> names = checks.stream().map(Check::name).toList();
        names.stream().filter(name -> names.indexOf(name) != names.lastIndexOf(name)).distinct()
                .forEach(name -> problems.add("two checks are named '" + name + "'"));
        List<String> ids = checks.stream().map(Check::id).filter(java.util.Objects::nonNull).toList();
        ids.stream().filter(id -> ids.indexOf(id) != ids.lastIndexOf(id)).distinct()
                .forEach(id -> problems.add("two checks have the id '" + id + "'"));
        return checks;
    }

    private void junitChecks(ExerciseFile.CheckEntry entry, String where, int runs, Problems problems, List<Check> out) {
        String kind = entry.junit() != null ? "junit" : "schedule";
        String className = entry.junit() != null ? entry.junit() : entry.schedule();
        if (!CLASS_NAME.matcher(className).matches()) {
            problems.add(where + ": " + kind + " '" + className + "' is not a class name");
        }
        ScheduleExploration schedule = exploration(entry, where, problems);
        if (entry.stdout() != null || entry.stderr() != null || entry.exitCode() != null || entry.trace() != null) {
            problems.add(where + ": a " + kind + " check cannot also check output, exit code or trace (make a second check)");
        }
        if (entry.tests() == null || entry.tests().isEmpty()) {
            problems.add(where + ": list the test methods under 'tests' with their points");
            return;
        }
        for (ExerciseFile.TestEntry test : entry.tests()) {
            if (test.method() == null || !METHOD_NAME.matcher(test.method()).matches()) {
                problems.add(where + ": each test needs 'method', the name of a @Test method");
                continue;
            }
            int points = points(test.points(), where + " " + test.method(), problems);
            String name = test.name() == null || test.name().isBlank() ? test.method() : test.name();
            out.add(new Check(test.method(), name, points, runs, null, new Check.JUnitTest(className, test.method(),
                    schedule)));
        }
    }

    /**
     * A schedule check's budget ({@code schedules}, default {@link #DEFAULT_SCHEDULES}) and seed (default 1); null for a
     * plain junit check, which takes neither. A schedule check runs once: its schedules are its repetitions.
     */
    private static ScheduleExploration exploration(ExerciseFile.CheckEntry entry, String where, Problems problems) {
        if (entry.schedule() == null) {
            if (entry.schedules() != null || entry.seed() != null) {
                problems.add(where + ": 'schedules' and 'seed' belong to a schedule check");
            }
            return null;
        }
        if (entry.runs() != null) {
            problems.add(where + ": a schedule check takes 'schedules', not 'runs'");
        }
        try {
            return new ScheduleExploration(Objects.requireNonNullElse(entry.schedules(), DEFAULT_SCHEDULES),
                    Objects.requireNonNullElse(entry.seed(), 1L));
        } catch (IllegalArgumentException outOfRange) {
            problems.add(where + ": 'schedules': " + outOfRange.getMessage());
            return null;
        }
    }

    private Optional<Check> programCheck(ExerciseFile.CheckEntry entry, String where, int runs, Problems problems) {
        if (entry.name() == null || entry.name().isBlank()) {
            problems.add(where + ": 'name' is missing (the learner sees it)");
            return Optional.empty();
        }
        if (entry.tests() != null) {
            problems.add(where + ": 'tests' belongs to a junit or schedule check");
        }
        if (entry.schedules() != null || entry.seed() != null) {
            problems.add(where + ": 'schedules' and 'seed' belong to a schedule check");
        }
        if (entry.id() == null || !CHECK_ID.matcher(entry.id()).matches()) {
            problems.add(where + ": 'id' is missing or not lower-case words with '-' (translations refer to it)");
        }
        int points = points(entry.points(), where, problems);
        OutputMatch stdout = output(entry.stdout(), where + " stdout", problems);
        OutputMatch stderr = output(entry.stderr(), where + " stderr", problems);
        Check.TraceExpectation trace = trace(entry.trace());
        if (stdout == null && stderr == null && entry.exitCode() == null && trace == null) {
            problems.add(where + ": say what to check: stdout, stderr, exitCode or trace");
        }
        return Optional.of(new Check(entry.id(), entry.name(), points, runs,
                new Check.ProgramExpectation(stdout, stderr, entry.exitCode(), trace), null));
    }

    private static int points(Integer points, String where, Problems problems) {
        if (points == null || points < 0 || points > 100) {
            problems.add(where + ": 'points' must be a whole number from 0 to 100");
            return 0;
        }
        return points;
    }

    private static OutputMatch output(ExerciseFile.Output output, String where, Problems problems) {
        if (output == null) {
            return null;
        }
        List<OutputMatch> set = new ArrayList<>();
        if (output.exact() != null) set.add(OutputMatch.of(OutputMatch.Mode.EXACT, output.exact()));
        if (output.normalized() != null) set.add(OutputMatch.of(OutputMatch.Mode.NORMALIZED, output.normalized()));
        if (output.linesAnyOrder() != null) {
            set.add(OutputMatch.of(OutputMatch.Mode.LINES_ANY_ORDER, output.linesAnyOrder()));
        }
        if (output.regex() != null) {
            try {
                set.add(OutputMatch.of(OutputMatch.Mode.REGEX, output.regex()));
            } catch (PatternSyntaxException e) {
                problems.add(where + ": the regex does not compile: " + e.getDescription());
                return null;
            }
        }
        if (set.size() != 1) {
            problems.add(where + ": give exactly one of exact, normalized, regex, lines-any-order");
            return null;
        }
        return set.get(0);
    }

    private static Check.TraceExpectation trace(ExerciseFile.Trace t) {
        return t == null ? null : new Check.TraceExpectation(t.minRunningAtOnce(), t.maxRunningAtOnce(),
                t.minWorkerThreads(), t.maxWorkerThreads(), t.minChildProcesses(), t.maxChildProcesses(),
                t.maxBlockedMs(), t.minWallTimeMs(), t.maxWallTimeMs());
    }

    private static ProgramLimits limits(ExerciseFile.Limits limits, Problems problems) {
        if (limits == null) {
            return ProgramLimits.DEFAULTS;
        }
        Duration wallTime = null;
        Long memory = null;
        try {
            if (limits.wallTime() != null) {
                wallTime = new DurationConverter().convert(limits.wallTime());
                if (wallTime.isNegative() || wallTime.isZero() || wallTime.compareTo(ProgramLimits.MAX_WALL_TIME) > 0) {
                    problems.add("limits.wallTime must be more than 0 and at most " + ProgramLimits.MAX_WALL_TIME.toSeconds() + "s");
                }
            }
        } catch (IllegalArgumentException e) {
            problems.add("limits.wallTime '" + limits.wallTime() + "' is not a duration such as 20s or 1500ms");
        }
        try {
            if (limits.memory() != null) {
                memory = new MemorySizeConverter().convert(limits.memory()).asLongValue();
                if (memory < MIN_MEMORY || memory > MAX_MEMORY) {
                    problems.add("limits.memory must be between 64M and 4G");
                }
            }
        } catch (IllegalArgumentException e) {
            problems.add("limits.memory '" + limits.memory() + "' is not a size such as 512M or 1G");
        }
        if (limits.cpus() != null && (limits.cpus() < 0.5 || limits.cpus() > 16)) {
            problems.add("limits.cpus must be between 0.5 and 16");
        }
        return new ProgramLimits(wallTime, memory, limits.cpus());
    }

    /**
     * Options for the JVM of every graded run, such as keeping the learner's class out of the JIT so that a race
     * shows in every run. Only -X and -D options: they tune the JVM, they cannot add code to it.
     */
    private static List<String> jvmOptions(List<String> options, Problems problems) {
        if (options == null) {
            return List.of();
        }
        for (String option : options) {
            if (option == null || !JVM_OPTION.matcher(option).matches()) {
                problems.add("jvmOptions: '" + option + "' is not a -X or -D option (one option per entry, no spaces)");
            }
        }
        return options.stream().filter(Objects::nonNull).toList();
    }

    private List<Exercise.Hint> hints(List<ExerciseFile.HintEntry> entries, Problems problems) {
        if (entries == null) {
            return List.of();
        }
        List<Exercise.Hint> hints = new ArrayList<>();
        for (ExerciseFile.HintEntry entry : entries) {
            if (entry.after() == null || entry.after() < 1 || entry.text() == null || entry.text().isBlank()) {
                problems.add("each hint needs 'after' (failed attempts, 1 or more) and 'text'");
                continue;
            }
            if (hints.stream().anyMatch(hint -> hint.afterFailedAttempts() == entry.after())) {
                problems.add("two hints unlock after " + entry.after() + " (translations refer to a hint by it)");
            }
            hints.add(new Exercise.Hint(entry.after(), markdown.renderMarkdown(entry.text())));
        }
        return List.copyOf(hints);
    }

    /** The .java files under {@code folder/name}, by path relative to it ("Main.java", "bank/Account.java"). */
    static Map<String, String> sources(Path folder, String name, Problems problems) {
        Path sources = folder.resolve(name);
        if (!Files.isDirectory(sources)) {
            problems.inFolder(name + "/ is missing");
            return Map.of();
        }
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(sources)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String path = sources.relativize(file).toString().replace('\\', '/');
                if (!path.endsWith(".java")) {
                    problems.inFolder(name + "/" + path + ": only .java files belong in " + name + "/");
                } else if (Files.size(file) > MAX_FILE_BYTES) {
                    problems.inFolder(name + "/" + path + ": larger than " + MAX_FILE_BYTES / 1024 + " KB");
                } else {
                    files.put(path, Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            problems.inFolder(name + "/ cannot be read: " + e.getMessage());
        }
        if (files.isEmpty()) {
            problems.inFolder(name + "/ holds no .java file");
        }
        return Map.copyOf(files);
    }

    private static String readText(Path file, Problems problems) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.inFolder(file.getFileName() + " is missing or unreadable");
            return "";
        }
    }

    /** Collects every problem of one exercise, so the instructor fixes them in one go. */
    static final class Problems {
        private final Path folder;
        private final List<String> messages = new ArrayList<>();

        Problems(Path folder) {
            this.folder = folder;
        }

        /** A problem in exercise.yaml. */
        void add(String message) {
            messages.add("exercise.yaml: " + message);
        }

        /** A problem with the folder's other files. */
        void inFolder(String message) {
            messages.add(message);
        }

        String require(String value, String key) {
            if (value == null || value.isBlank()) {
                add("'" + key + "' is missing");
            }
            return value;
        }

        void throwIfAny() {
            if (!messages.isEmpty()) {
                throw new InvalidExerciseException(folder + ": " + String.join("; ", messages));
            }
        }
    }
}
