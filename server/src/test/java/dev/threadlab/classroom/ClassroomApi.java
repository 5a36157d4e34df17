package dev.threadlab.classroom;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.threadlab.account.TestAccounts;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The class API as tests use it: accounts, classes, deadlines and graded submissions, over HTTP. */
public final class ClassroomApi {
    public static final String PASSWORD = "threads-share-memory";
    /** A quick exercise (three short runs) whose grading records a trace. */
    public static final String EXERCISE = "roll-call";

    private ClassroomApi() {
    }

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    /**
     * A new learner account with a unique name starting with the prefix (which may be Chinese); returns the name.
     * Its requests then carry a bearer token ({@link #as}): HTTP Basic would send a Chinese name as '?'.
     */
    public static String learner(String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON).body(Map.of("username", name, "password", PASSWORD))
                .post("/api/auth/signup").then().statusCode(201);
        TOKENS.put(name, TestAccounts.tokenThroughSession(name, PASSWORD));
        return name;
    }

    /** Requests as this account (made by {@link #learner}), with its bearer token: a script's way in, no CSRF. */
    public static RequestSpecification as(String username) {
        return given().auth().oauth2(TOKENS.get(username));
    }

    public static Map<String, String> createClass(String teacher, String name) {
        return as(teacher).contentType(ContentType.JSON).body(Map.of("name", name)).post("/api/classes")
                .then().statusCode(201).extract().jsonPath().getMap("$", String.class, String.class);
    }

    public static ValidatableResponse join(String learner, String code) {
        return as(learner).contentType(ContentType.JSON).body(Map.of("code", code)).post("/api/classes/join").then();
    }

    public static Map<String, Object> deadline(Instant dueAt, Instant lateUntil, int percent) {
        Map<String, Object> body = new HashMap<>();
        body.put("dueAt", OffsetDateTime.ofInstant(dueAt, ZoneOffset.ofHours(8)).toString());
        body.put("lateUntil", lateUntil == null ? null : lateUntil.toString());
        body.put("latePercent", percent);
        return body;
    }

    public static Map<String, Object> submitAndWait(String learner, Map<String, String> files) {
        String id = as(learner).contentType(ContentType.JSON).body(Map.of("files", files))
                .post("/api/exercises/" + EXERCISE + "/submissions").then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(300)).until(() -> List.of("GRADED",
                "ERROR").contains(as(learner).get("/api/submissions/" + id).path("status")));
        Map<String, Object> result = as(learner).get("/api/submissions/" + id).then().statusCode(200).extract()
                .jsonPath().getMap("$");
        assertEquals("GRADED", result.get("status"), result.toString());
        return result;
    }
}
