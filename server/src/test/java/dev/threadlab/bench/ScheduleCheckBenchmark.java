package dev.threadlab.bench;

import dev.threadlab.exercise.Exercise;
import dev.threadlab.exercise.ExerciseRepository;
import dev.threadlab.exercise.WrongSolutions;
import dev.threadlab.grading.CheckResult;
import dev.threadlab.grading.Grader;
import dev.threadlab.sandbox.SandboxImage;
import dev.threadlab.sandbox.SandboxReady;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How reliable and how costly controlled-schedule checks are, measured, not asserted (see
 * docs/benchmarks/schedule-checks.md): every exercise with schedule checks or Lincheck tests, its reference and each
 * wrong solution, graded N times on those checks alone, in the real sandbox, one grading after another. Prints a
 * Markdown table: how many gradings failed, the distinct verdicts (the same schedule number every time shows the
 * determinism) and the time per grading. Only runs when asked:
 *
 * <pre>./mvnw verify -pl server -Dtest=ScheduleCheckBenchmark -Dthreadlab.bench.schedule=100 -Dit.test=NONE \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false</pre>
 *
 * Add {@code -Dthreadlab.bench.schedule.only=seat-booking,ring-of-accounts} for some exercises.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "threadlab.bench.schedule", matches = "\\d+")
class ScheduleCheckBenchmark {
    @Inject
    SandboxImage image;
    @Inject
    ExerciseRepository exercises;
    @Inject
    WrongSolutions wrongSolutions;
    @Inject
    Grader grader;

    @Test
    void gradeEachVariantRepeatedly() throws Exception {
        SandboxReady.await(image);
        int times = Integer.getInteger("threadlab.bench.schedule");
        List<String> only = List.of(System.getProperty("threadlab.bench.schedule.only", "").split(","));
        StringBuilder table = new StringBuilder("| exercise | variant | gradings | failed | verdicts | median s | p95 s |\n"
                + "|---|---|---:|---:|---|---:|---:|\n");
        for (Path folder : CourseFolders.exercises()) {
            String id = folder.getFileName().toString();
            Exercise full = exercises.find(id).orElse(null);
            if (full == null || ControlledChecks.of(full).isEmpty()
                    || !only.equals(List.of("")) && !only.contains(id)) {
                continue;
            }
            Exercise controlledOnly = withControlledChecksOnly(full);
            for (Map.Entry<String, Map<String, String>> variant : CourseFolders.variants(full, folder, wrongSolutions)
                    .entrySet()) {
                table.append(row(id, variant.getKey(), controlledOnly, variant.getValue(), times));
                System.out.println(table);
            }
        }
        System.out.println("SCHEDULE CHECK BENCHMARK\n" + table);
    }

    private String row(String id, String variant, Exercise exercise, Map<String, String> files, int times)
            throws InterruptedException {
        int failed = 0;
        // Each failed check's full messages: one per check means every grading failed it the same way.
        Map<String, Set<String>> verdicts = new TreeMap<>();
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            List<CheckResult> results = grader.grade(exercise, files);
            seconds.add((System.nanoTime() - start) / 1e9);
            if (results.stream().anyMatch(r -> !r.passed())) {
                failed++;
            }
            results.stream().filter(r -> !r.passed()).forEach(r -> verdicts
                    .computeIfAbsent(r.checkId(), k -> new HashSet<>()).add(r.message()));
        }
        return "| %s | %s | %d | %d | %s | %s |%n".formatted(id, variant, times, failed,
                verdicts.isEmpty() ? "all passed" : shown(verdicts).replace("|", "\\|"),
                CourseFolders.medianAndP95(seconds));
    }

    /** Per failed check, its first message, cut short, and how many different messages it gave if more than one. */
    private static String shown(Map<String, Set<String>> verdicts) {
        return verdicts.entrySet().stream().map(e -> {
            String message = e.getKey() + ": " + e.getValue().stream().sorted().findFirst().orElse("");
            String cut = message.length() > 90 ? message.substring(0, 90) + "…" : message;
            return e.getValue().size() == 1 ? cut : cut + " (" + e.getValue().size() + " different messages)";
        }).collect(Collectors.joining("<br>"));
    }

    private static Exercise withControlledChecksOnly(Exercise e) {
        return new Exercise(e.id(), e.lessonId(), e.title(), e.taskHtml(), e.mainClass(), e.starterFiles(),
                e.solutionFiles(), e.testFiles(), e.stdin(), e.limits(), e.jvmOptions(),
                e.checks().stream().filter(c -> ControlledChecks.isControlled(e, c)).toList(), e.hints(), e.showSolutionAfterPass(),
                e.translations(), e.jdk());
    }
}
