package dev.threadlab.run;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Drives the run API the way a grading client would. */
public final class RunApi {

    private RunApi() {
    }

    public static Map<String, Object> program(String mainSource) {
        Map<String, Object> body = new HashMap<>();
        body.put("language", "java");
        body.put("files", Map.of("Main.java", mainSource));
        body.put("mainClass", "Main");
        return body;
    }

    public static String submit(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/runs")
                .then().statusCode(202)
                .extract().path("id");
    }

    /**
     * Requests as the browser with this learner cookie: a browser's script sends the CSRF token (from the cookie that
     * every page sets) with every change, and the server refuses cookie-borne changes without it.
     */
    public static RequestSpecification asBrowser(String learnerId) {
        if (csrf == null) {
            csrf = given().get("/").getCookie("csrf-token");
        }
        return given().cookie("threadlab_learner", learnerId).cookie("csrf-token", csrf).header("X-CSRF-TOKEN", csrf);
    }

    private static String csrf;

    /** Submits as the learner with this cookie id, as their browser would. */
    public static String submitAs(String learnerId, Map<String, Object> body) {
        return asBrowser(learnerId).contentType(ContentType.JSON).body(body)
                .when().post("/api/runs")
                .then().statusCode(202)
                .extract().path("id");
    }

    public static Map<String, Object> view(String id) {
        return given().when().get("/api/runs/" + id).then().statusCode(200).extract().as(Map.class);
    }

    static String status(String id) {
        return (String) view(id).get("status");
    }

    /** Waits for a final status; generous, since a loaded CI machine compiles slowly. */
    public static Map<String, Object> awaitEnd(String id) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> RunStatus.valueOf(status(id)).isFinal());
        return view(id);
    }

    public static Map<String, Object> run(String mainSource) {
        return awaitEnd(submit(program(mainSource)));
    }
}
