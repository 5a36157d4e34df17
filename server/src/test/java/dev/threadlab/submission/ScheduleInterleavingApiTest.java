package dev.threadlab.submission;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.threadlab.account.TestAccounts;
import dev.threadlab.exercise.ExerciseRepository;
import dev.threadlab.sandbox.SandboxImage;
import dev.threadlab.sandbox.SandboxReady;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A submission that fails a schedule check (a woken consumer that does not look again, `if` for `while`) keeps the
 * interleaving that broke it: the API gives it as Chrome trace-event
 * JSON (one track per thread of the test, each step a slice saying what the thread did and where) and as the
 * timeline's own events; a check without one is a 404.
 */
@QuarkusTest
class ScheduleInterleavingApiTest {
    private static final String LOOKS_AGAIN = "aWokenConsumerLooksAgainBeforeTaking";

    @Inject
    SandboxImage image;
    @Inject
    ExerciseRepository exercises;

    @BeforeEach
    void sandboxReady() throws InterruptedException {
        SandboxReady.await(image);
    }

    @Test
    void theScheduleThatBrokeACheckIsGivenAsATraceOfItsSteps() {
        Map<String, String> files = new HashMap<>(exercises.find("bounded-shelf").orElseThrow().solutionFiles());
        files.put("Shelf.java", files.get("Shelf.java").replace("while (items.isEmpty())", "if (items.isEmpty())"));
        String token = TestAccounts.learnerToken("interleaving");
        Map<String, Object> result = GradingApiTest.grade(token, "bounded-shelf", files);
        List<Map<String, Object>> checks = GradingApiTest.checks(result);
        int n = indexOf(checks, LOOKS_AGAIN);
        Map<String, Object> check = checks.get(n);
        assertEquals(false, check.get("passed"), check.toString());
        assertTrue(((String) check.get("message")).matches("(?s)Schedule \\d+ of 1000 broke it: .*NoSuchElementException.*"),
                check.toString());
        String id = (String) result.get("id");

        JsonPath trace = given().auth().oauth2(token).get("/api/submissions/" + id + "/checks/" + n + "/trace")
                .then().statusCode(200).extract().jsonPath();
        List<String> lanes = trace.getList("traceEvents.findAll { it.name == 'thread_name' }.args.name");
        assertTrue(lanes.containsAll(List.of("producer", "consumer-1", "consumer-2")), lanes.toString());
        List<Map<String, Object>> slices = trace.getList("traceEvents.findAll { it.ph == 'X' && it.name == 'running' }");
        assertFalse(slices.isEmpty(), trace.prettify());
        assertTrue(slices.stream().anyMatch(slice -> String.valueOf(slice.get("args")).contains("Shelf.java:")),
                "a step names the learner's code: " + slices);

        List<Map<String, Object>> events = given().auth().oauth2(token)
                .get("/api/submissions/" + id + "/checks/" + n + "/events").then().statusCode(200).extract()
                .jsonPath().getList("$");
        assertTrue(events.stream().anyMatch(e -> "running".equals(e.get("state"))
                && String.valueOf(e.get("message")).contains("Shelf.take(Shelf.java:")), events.toString());

        assertTrue(check.get("interleaving") instanceof List<?> steps && !steps.isEmpty(), check.toString());
        String list = given().auth().oauth2(token).get("/api/exercises/bounded-shelf/submissions").then()
                .statusCode(200).extract().asString();
        assertFalse(list.contains("\"interleaving\""), "lists stay small: " + list.length() + " characters");

        int plain = indexOf(checks, "oneThreadGetsItemsInOrder");
        given().auth().oauth2(token).get("/api/submissions/" + id + "/checks/" + plain + "/trace").then().statusCode(404);
        given().auth().oauth2(token).get("/api/submissions/" + id + "/checks/99/trace").then().statusCode(404);
        given().auth().oauth2(TestAccounts.learnerToken("someone-else"))
                .get("/api/submissions/" + id + "/checks/" + n + "/trace").then().statusCode(404);
    }

    private static int indexOf(List<Map<String, Object>> checks, String checkId) {
        for (int i = 0; i < checks.size(); i++) {
            if (checkId.equals(checks.get(i).get("checkId"))) {
                return i;
            }
        }
        throw new AssertionError("no check " + checkId + " in " + checks);
    }
}
