package dev.threadlab.submission;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.threadlab.account.TestAccounts;
import dev.threadlab.exercise.Check;
import dev.threadlab.exercise.Exercise;
import dev.threadlab.exercise.ExerciseRepository;
import dev.threadlab.lesson.Lesson;
import dev.threadlab.lesson.LessonRepository;
import dev.threadlab.sandbox.SandboxImage;
import dev.threadlab.sandbox.SandboxReady;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Acceptance: no page, asset or learner-visible API response contains a reference solution or a hidden test.
 * Fetches every one of them (after a learner has submitted, so results and history exist too) and searches for
 * every line of those files that the starter and the task do not also show.
 */
@QuarkusTest
class SecretsStayHiddenTest {
    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(/[^\"]+\\.(?:js|css))\"");

    @Inject
    SandboxImage image;

    @Inject
    ExerciseRepository exercises;

    @Inject
    LessonRepository lessons;

    private static String token;

    @Test
    void noPageAssetOrApiResponseContainsASolutionOrAHiddenTest() throws Exception {
        SandboxReady.await(image);
        token = TestAccounts.learnerToken("secrets");
        Map<String, String> responses = new LinkedHashMap<>();
        fetch(responses, "/");
        fetch(responses, "/api/lessons");
        fetch(responses, "/api/exercises");
        for (Lesson lesson : lessons.all()) {
            String page = fetch(responses, "/lessons/" + lesson.id());
            Matcher assets = ASSET.matcher(page);
            while (assets.find()) {
                fetch(responses, assets.group(1));
            }
        }
        Set<Exercise> graded = onePerKindOfCheck(exercises.all());
        for (Exercise exercise : exercises.all()) {
            if (graded.contains(exercise)) {
                String submission = GradingApiTest.grade(token, exercise.id(), exercise.starterFiles()).get("id")
                        .toString();
                fetch(responses, "/api/submissions/" + submission);
                fetch(responses, "/api/submissions/" + submission + "/results.json");
            }
            fetch(responses, "/api/exercises/" + exercise.id());
            fetch(responses, "/api/exercises/" + exercise.id() + "/submissions");
            fetch(responses, "/api/exercises/" + exercise.id() + "/solution");
        }
        assertTrue(responses.size() > 10, responses.keySet().toString());

        StringBuilder visible = new StringBuilder();
        lessons.all().forEach(lesson -> visible.append(lesson.html()).append('\n'));
        exercises.all().forEach(e -> visible.append(String.join("\n", e.starterFiles().values())).append(e.taskHtml()));
        for (Exercise exercise : exercises.all()) {
            for (String secret : secretLines(exercise, visible.toString())) {
                responses.forEach((url, body) -> assertFalse(body.contains(secret),
                        url + " shows a line of " + exercise.id() + "'s solution or tests: " + secret));
            }
        }
    }

    /**
     * Grading every exercise's starter here took 400 s of the CI run, and the course validation grades each of them
     * anyway; what a result shows depends on the kinds of check it has, so one exercise per kind (hidden tests, output,
     * exit code, trace) is graded through the API.
     */
    private static Set<Exercise> onePerKindOfCheck(List<Exercise> all) {
        Map<String, Exercise> byKind = new LinkedHashMap<>();
        for (Exercise exercise : all) {
            for (Check check : exercise.checks()) {
                kinds(check).forEach(kind -> byKind.putIfAbsent(kind, exercise));
            }
        }
        assertTrue(byKind.keySet().containsAll(List.of("junit", "stdout", "exitCode", "trace")), byKind.toString());
        return new LinkedHashSet<>(byKind.values());
    }

    private static List<String> kinds(Check check) {
        if (check.isJUnit()) {
            return List.of("junit");
        }
        List<String> kinds = new ArrayList<>();
        Check.ProgramExpectation program = check.program();
        if (program.stdout() != null) {
            kinds.add("stdout");
        }
        if (program.stderr() != null) {
            kinds.add("stderr");
        }
        if (program.exitCode() != null) {
            kinds.add("exitCode");
        }
        if (program.trace() != null) {
            kinds.add("trace");
        }
        return kinds;
    }

    /** Lines of the solution and the tests that the course shows nowhere (in no starter, task or lesson). */
    private static List<String> secretLines(Exercise exercise, String visible) {
        List<String> secrets = new ArrayList<>();
        List<String> hidden = new ArrayList<>(exercise.testFiles().values());
        exercise.solutionFiles().forEach((name, content) -> {
            if (!content.equals(exercise.starterFiles().get(name))) {
                hidden.add(content);
            }
        });
        for (String file : hidden) {
            file.lines().map(String::strip).filter(line -> line.length() >= 20 && !visible.contains(line))
                    .forEach(secrets::add);
        }
        assertFalse(secrets.isEmpty(), exercise.id() + " has something to hide");
        return secrets;
    }

    private static String fetch(Map<String, String> responses, String path) {
        // As the learner who submitted: their own submissions are what they can read.
        Response response = given().auth().oauth2(token).redirects().follow(true).get(path);
        assertTrue(response.statusCode() < 500, path + " answered " + response.statusCode());
        String body = response.asString();
        responses.put(path, body);
        return body;
    }
}
