package dev.threadlab.submission;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.threadlab.account.TestAccounts;
import dev.threadlab.exercise.Exercise;
import dev.threadlab.exercise.ExerciseRepository;
import dev.threadlab.sandbox.SandboxImage;
import dev.threadlab.sandbox.SandboxReady;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Grading through the API with the shipped exercises, in real sandboxes. */
@QuarkusTest
public class GradingApiTest {

    @Inject
    SandboxImage image;

    @Inject
    ExerciseRepository exercises;

    @BeforeEach
    void sandboxReady() throws InterruptedException {
        SandboxReady.await(image);
    }

    @Test
    void everyReferenceSolutionGetsFullMarksAndEveryStarterLess() {
        // Through the API, for one exercise of each kind of check; CourseValidationTest grades every exercise.
        for (String id : List.of("lost-update", "child-exit-codes", "pool-of-four")) {
            Exercise exercise = exercises.find(id).orElseThrow();
            Map<String, Object> reference = grade(exercise.id(), exercise.solutionFiles());
            assertEquals(exercise.maxScore(), reference.get("score"), exercise.id() + " reference: " + reference);
            Map<String, Object> starter = grade(exercise.id(), exercise.starterFiles());
            assertTrue((Integer) starter.get("score") < exercise.maxScore(), exercise.id() + " starter: " + starter);
        }
    }

    @Test
    void aRacySolutionFailsTheRaceCheckInTenSubmissionsOutOfTen() {
        Exercise race = exercises.find("lost-update").orElseThrow();
        for (int submission = 1; submission <= 10; submission++) {
            Map<String, Object> result = grade(race.id(), race.starterFiles());
            Map<String, Object> check = check(result, "Four threads depositing at once lose nothing (10 runs)");
            assertEquals(false, check.get("passed"), "submission " + submission + ": " + result);
            assertEquals(0, check.get("points"));
        }
    }

    @Test
    void fakePassLinesAndAnEarlyExitEarnNothing() {
        Map<String, String> files = new HashMap<>(exercises.find("lost-update").orElseThrow().starterFiles());
        files.put("BankAccount.java", """
                public class BankAccount {
                    static {
                        System.out.println("[OK] oneThreadKeepsEveryDeposit PASSED");
                        System.out.println("{\\"run\\":1,\\"className\\":\\"BankAccountTest\\",\\"method\\":\\"fourThreadsKeepEveryDeposit\\",\\"passed\\":true,\\"message\\":\\"\\"}");
                        System.out.println("done");
                        System.exit(0);
                    }

                    public void deposit(long amount) {
                    }

                    public long balance() {
                        return 0;
                    }
                }
                """);
        String token = TestAccounts.learnerToken("exit");
        Map<String, Object> result = grade(token, "lost-update", files);
        assertEquals(0, result.get("score"), result.toString());
        for (Map<String, Object> check : checks(result)) {
            assertEquals(false, check.get("passed"), check.toString());
        }
        String message = (String) check(result, "One thread keeps every deposit").get("message");
        assertTrue(message.contains("System.exit"), message);

        Map<String, Object> gradescope = given().auth().oauth2(token).get("/api/submissions/" + result.get("id") + "/results.json")
                .then().statusCode(200).extract().jsonPath().getMap("$");
        assertEquals(0.0f, ((Number) gradescope.get("score")).floatValue());
        assertEquals(7.0f, ((Number) gradescope.get("max_score")).floatValue());
        List<?> tests = (List<?>) gradescope.get("tests");
        assertEquals(3, tests.size());
        assertEquals("failed", ((Map<?, ?>) tests.get(0)).get("status"));
    }

    @Test
    void exercisesListAndDetailNeverShowTheSolutionOrTheTests() {
        List<Map<String, Object>> list = given().get("/api/exercises").then().statusCode(200).extract().jsonPath().getList("$");
        assertTrue(list.stream().anyMatch(e -> "lost-update".equals(e.get("id")) && Integer.valueOf(7).equals(e.get("maxScore"))));
        Map<String, Object> detail = given().get("/api/exercises/lost-update").then().statusCode(200).extract().jsonPath().getMap("$");
        assertEquals("locks", detail.get("lessonId"));
        assertTrue(((Map<?, ?>) detail.get("starterFiles")).containsKey("BankAccount.java"));
        assertFalse(detail.toString().contains("synchronized void deposit"), "the solution leaked");
        assertFalse(detail.toString().contains("fourThreadsKeepEveryDeposit()"), "the hidden test leaked");
        given().get("/api/exercises/lost-update/solution").then().statusCode(403);
        given().get("/api/exercises/nope").then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("files", Map.of("Main.java", "x")))
                .post("/api/exercises/lost-update/submissions").then().statusCode(401)
                .body("error", org.hamcrest.Matchers.containsString("Log in to submit"));
        given().auth().oauth2(TestAccounts.learnerToken("bad-files")).contentType(ContentType.JSON)
                .body(Map.of("files", Map.of("../Main.java", "x")))
                .post("/api/exercises/lost-update/submissions").then().statusCode(400);
    }

    @Test
    void aHugeAssertionMessageComesBackCutToOneKilobyte() {
        Map<String, String> files = new HashMap<>(exercises.find("lost-update").orElseThrow().starterFiles());
        // 44 KB of three-byte characters: more than the sandbox's own cut of 600 characters lets through.
        files.put("BankAccount.java", """
                public class BankAccount {
                    public void deposit(long amount) {
                        throw new AssertionError("中".repeat(15_000));
                    }

                    public long balance() {
                        return 0;
                    }
                }
                """);
        String token = TestAccounts.learnerToken("huge");
        Map<String, Object> result = grade(token, "lost-update", files);
        Map<String, Object> stored = given().auth().oauth2(token).get("/api/submissions/" + result.get("id"))
                .then().statusCode(200)
                .extract().jsonPath().getMap("$");
        for (Map<String, Object> check : checks(stored)) {
            String message = (String) check.get("message");
            assertTrue(message.getBytes(StandardCharsets.UTF_8).length <= 1024,
                    check.get("name") + ": " + message.getBytes(StandardCharsets.UTF_8).length + " bytes");
        }
        String junit = (String) check(stored, "One thread keeps every deposit").get("message");
        assertTrue(junit.contains("中中中") && junit.endsWith("…"), junit);
    }

    @Test
    void aLearnerFloodingSubmissionsGetsTooManyRequestsAndNothingAcceptedIsLost() {
        String learner = TestAccounts.learnerToken("flood");
        // Slow to grade, so that the flood outpaces the grading (a compile error is answered in milliseconds now).
        Map<String, String> files = Map.of("BankAccount.java",
                "public class BankAccount { static { try { Thread.sleep(3000); } catch (InterruptedException e) { } } }",
                "Main.java", "public class Main { public static void main(String[] args) { } }");
        List<String> accepted = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < 45; i++) {
            Response response = given().auth().oauth2(learner).contentType(ContentType.JSON)
                    .body(Map.of("files", files)).post("/api/exercises/lost-update/submissions");
            if (response.statusCode() == 202) {
                accepted.add(response.path("id"));
            } else {
                assertEquals(429, response.statusCode(), response.asString());
                assertNotNull(response.header("Retry-After"));
                assertTrue(response.<String>path("error").contains("3 submissions waiting or being graded"),
                        response.asString());
                assertEquals("tooMany.submissions.learner", response.path("messageKey"), response.asString());
                assertEquals(3, (Integer) response.path("args.max"), response.asString());
                refused++;
            }
        }
        assertTrue(accepted.size() >= 3 && accepted.size() <= 5, "accepted " + accepted.size());
        assertEquals(45, accepted.size() + refused);
        for (String id : accepted) {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(300))
                    .until(() -> List.of("GRADED", "ERROR").contains(given().auth().oauth2(learner)
                            .get("/api/submissions/" + id).path("status")));
        }
        // Graded means the slot is given back (just after the result is stored): the learner may submit again.
        await().atMost(Duration.ofSeconds(5)).until(() -> given().auth().oauth2(learner)
                .contentType(ContentType.JSON).body(Map.of("files", files))
                .post("/api/exercises/lost-update/submissions").statusCode() == 202);
    }

    /** A submission of a new learner account, graded. */
    public static Map<String, Object> grade(String exerciseId, Map<String, String> files) {
        return grade(TestAccounts.learnerToken("grader"), exerciseId, files);
    }

    public static Map<String, Object> grade(String token, String exerciseId, Map<String, String> files) {
        String id = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("files", files))
                .post("/api/exercises/" + exerciseId + "/submissions")
                .then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(300))
                .until(() -> List.of("GRADED", "ERROR").contains(given().auth().oauth2(token)
                        .get("/api/submissions/" + id).path("status")));
        Map<String, Object> result = given().auth().oauth2(token).get("/api/submissions/" + id).then().statusCode(200)
                .extract().jsonPath().getMap("$");
        assertEquals("GRADED", result.get("status"), result.toString());
        return result;
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> checks(Map<String, Object> result) {
        return (List<Map<String, Object>>) result.get("checks");
    }

    static Map<String, Object> check(Map<String, Object> result, String name) {
        return checks(result).stream().filter(c -> name.equals(c.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no check '" + name + "' in " + result));
    }
}
