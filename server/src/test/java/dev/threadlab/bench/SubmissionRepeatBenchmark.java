package dev.threadlab.bench;

import static io.restassured.RestAssured.given;

import dev.threadlab.account.TestAccounts;
import dev.threadlab.exercise.Exercise;
import dev.threadlab.exercise.ExerciseRepository;
import dev.threadlab.exercise.WrongSolutions;
import dev.threadlab.sandbox.SandboxImage;
import dev.threadlab.sandbox.SandboxReady;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The controlled-schedule checks as a learner meets them, measured, not asserted (see
 * docs/benchmarks/schedule-checks.md): every exercise with schedule checks or Lincheck tests, its reference and each
 * wrong solution submitted N times through the HTTP API (a signed-up learner's bearer token, {@code POST
 * /api/exercises/{id}/submissions}, polling until graded) and graded on all of its checks. Prints a Markdown table:
 * how many submissions got full marks, how many failed one of the controlled checks, the distinct scores, and the
 * time from submission to result. Only runs when asked:
 *
 * <pre>./mvnw verify -pl server -Dtest=SubmissionRepeatBenchmark -Dthreadlab.bench.submissions=100 -Dit.test=NONE \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false</pre>
 *
 * {@code -Dthreadlab.bench.submissions.only=seat-booking,hit-counter} limits the exercises, {@code
 * -Dthreadlab.bench.submissions.variants=reference,check-then-act} the variants, and {@code
 * -Dthreadlab.bench.submissions.learners=2} (the default) is how many learners submit at once, each one submission
 * after another, as the per-learner limit wants.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "threadlab.bench.submissions", matches = "\\d+")
class SubmissionRepeatBenchmark {
    @Inject
    SandboxImage image;
    @Inject
    ExerciseRepository exercises;
    @Inject
    WrongSolutions wrongSolutions;

    @Test
    void submitEachVariantRepeatedly() throws Exception {
        SandboxReady.await(image);
        int times = Integer.getInteger("threadlab.bench.submissions");
        int learners = Integer.getInteger("threadlab.bench.submissions.learners", 2);
        List<String> only = listProperty("threadlab.bench.submissions.only");
        List<String> variantsWanted = listProperty("threadlab.bench.submissions.variants");
        StringBuilder table = new StringBuilder("| exercise | variant | submissions | full marks | failed a controlled "
                + "check | scores | median s | p95 s |\n|---|---|---:|---:|---:|---|---:|---:|\n");
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < learners; i++) {
            tokens.add(TestAccounts.learnerToken("bench"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(learners);
        try {
            for (Path folder : CourseFolders.exercises()) {
                Exercise exercise = exercises.find(folder.getFileName().toString()).orElse(null);
                if (exercise == null || ControlledChecks.of(exercise).isEmpty()
                        || !only.isEmpty() && !only.contains(exercise.id())) {
                    continue;
                }
                Map<String, Map<String, String>> variants = CourseFolders.variants(exercise, folder, wrongSolutions);
                variants.keySet().removeIf(v -> !variantsWanted.isEmpty() && !variantsWanted.contains(v));
                for (Map.Entry<String, Map<String, String>> variant : variants.entrySet()) {
                    table.append(row(exercise, variant.getKey(), variant.getValue(), times, tokens, pool));
                    System.out.println(table);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.println("SUBMISSION REPEAT BENCHMARK\n" + table);
    }

    private String row(Exercise exercise, String variant, Map<String, String> files, int times, List<String> tokens,
            ExecutorService pool) throws Exception {
        Set<String> controlled = ControlledChecks.of(exercise);
        List<Future<Graded>> futures = new ArrayList<>();
        for (int learner = 0; learner < tokens.size(); learner++) {
            String token = tokens.get(learner);
            int share = times / tokens.size() + (learner < times % tokens.size() ? 1 : 0);
            futures.add(pool.submit(() -> {
                List<Graded> mine = new ArrayList<>();
                for (int i = 0; i < share; i++) {
                    mine.add(submit(token, exercise.id(), files, controlled));
                }
                return Graded.merge(mine);
            }));
        }
        List<Graded> all = new ArrayList<>();
        for (Future<Graded> future : futures) {
            all.add(future.get());
        }
        Graded total = Graded.merge(all);
        return "| %s | %s | %d | %d | %d | %s | %s |%n".formatted(exercise.id(), variant, total.seconds().size(),
                total.fullMarks(), total.failedControlled(), total.scores(), CourseFolders.medianAndP95(total.seconds()));
    }

    private static Graded submit(String token, String exerciseId, Map<String, String> files, Set<String> controlled)
            throws InterruptedException {
        long start = System.nanoTime();
        String id = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("files", files))
                .post("/api/exercises/" + exerciseId + "/submissions").then().statusCode(202).extract().path("id");
        Map<String, Object> result;
        do {
            Thread.sleep(200);
            result = given().auth().oauth2(token).get("/api/submissions/" + id).then().statusCode(200).extract()
                    .jsonPath().getMap("$");
        } while (!List.of("GRADED", "ERROR").contains(result.get("status")));
        double seconds = (System.nanoTime() - start) / 1e9;
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> checks = (List<Map<String, Object>>) result.getOrDefault("checks", List.of());
        boolean failedControlled = checks.stream()
                .anyMatch(c -> controlled.contains(c.get("checkId")) && !Boolean.TRUE.equals(c.get("passed")));
        boolean full = "GRADED".equals(result.get("status")) && result.get("score").equals(result.get("maxScore"));
        String score = result.get("status").equals("GRADED") ? result.get("score") + "/" + result.get("maxScore")
                : "ERROR";
        return new Graded(List.of(seconds), full ? 1 : 0, failedControlled ? 1 : 0, new TreeMap<>(Map.of(score, 1)));
    }

    private static List<String> listProperty(String name) {
        String value = System.getProperty(name, "").strip();
        return value.isEmpty() ? List.of() : List.of(value.split(","));
    }

    /** The outcome of some submissions of one variant. */
    private record Graded(List<Double> seconds, int fullMarks, int failedControlled, TreeMap<String, Integer> scoreCounts) {
        static Graded merge(List<Graded> parts) {
            List<Double> seconds = new ArrayList<>();
            TreeMap<String, Integer> scores = new TreeMap<>();
            int full = 0;
            int failed = 0;
            for (Graded part : parts) {
                seconds.addAll(part.seconds());
                full += part.fullMarks();
                failed += part.failedControlled();
                part.scoreCounts().forEach((score, n) -> scores.merge(score, n, Integer::sum));
            }
            return new Graded(seconds, full, failed, scores);
        }

        String scores() {
            return scoreCounts.entrySet().stream().map(e -> e.getKey() + " ×" + e.getValue())
                    .collect(Collectors.joining(", "));
        }
    }
}
