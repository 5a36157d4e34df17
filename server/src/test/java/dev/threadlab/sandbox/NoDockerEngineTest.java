package dev.threadlab.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** With no engine behind DOCKER_HOST the course still serves lessons and says clearly why nothing runs. */
@QuarkusTest
@TestProfile(NoDockerEngineTest.EngineMissing.class)
class NoDockerEngineTest {

    public static class EngineMissing implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("threadlab.sandbox.docker-host", "unix:///nonexistent/docker.sock");
        }
    }

    @Inject
    SandboxImage image;

    @Test
    void readinessIsDownWithTheReasonAndRunsAreRefused() throws InterruptedException {
        image.awaitSettled(30, TimeUnit.SECONDS);
        given().when().get("/q/health/ready").then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'sandbox' }.data.reason", containsString("Docker engine not reachable"));
        given().when().get("/api/lessons").then().statusCode(200);
        given().when().get("/").then().statusCode(200);
        given().contentType(ContentType.JSON)
                .body(Map.of("language", "java", "files", Map.of("Main.java", "public class Main {}"), "mainClass", "Main"))
                .when().post("/api/runs")
                .then().statusCode(503).body("error", containsString("Docker engine not reachable"));
    }
}
