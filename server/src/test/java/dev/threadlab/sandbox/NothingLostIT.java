package dev.threadlab.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server keeps a learner's work across a restart, on the embedded H2 and, switched by run-time
 * configuration alone, on PostgreSQL: sign up, save a draft, run a program, open a lesson, submit; restart; log in as
 * a fresh browser and find all of it.
 */
class NothingLostIT {
    private static final String PASSWORD = "a long enough password";
    private static final String DRAFT = "exercise:roll-call";

    @TempDir
    Path dataDir;

    @Test
    void onTheEmbeddedDatabase() throws Exception {
        signUpWorkRestartAndFindEverything(Map.of(), "h2-learner");
    }

    @Test
    void onPostgreSql() throws Exception {
        String url = System.getenv("THREADLAB_TEST_POSTGRES_URL");
        if (url == null && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI must test PostgreSQL: .ci/run sets THREADLAB_TEST_POSTGRES_URL");
        }
        Assumptions.assumeTrue(url != null, "set THREADLAB_TEST_POSTGRES_URL (and _USERNAME, _PASSWORD) to run this");
        signUpWorkRestartAndFindEverything(Map.of("QUARKUS_DATASOURCE_JDBC_URL", url,
                "QUARKUS_DATASOURCE_USERNAME", System.getenv().getOrDefault("THREADLAB_TEST_POSTGRES_USERNAME", ""),
                "QUARKUS_DATASOURCE_PASSWORD", System.getenv().getOrDefault("THREADLAB_TEST_POSTGRES_PASSWORD", "")),
                "pg-learner-" + System.nanoTime() % 100_000);
    }

    private void signUpWorkRestartAndFindEverything(Map<String, String> database, String username) throws Exception {
        String submissionId;
        String runId;
        try (ServerProcess first = ServerProcess.start(dataDir, Map.of(), database).awaitReady(Duration.ofMinutes(15))
                .signUp(username, PASSWORD)) {
            first.send("PUT", "/api/drafts/" + DRAFT, Map.of("files", Map.of("Main.java", "// my draft\n")), 200);
            first.send("POST", "/api/progress/lessons/processes/opened", Map.of(), 204);
            runId = first.run("public class Main { public static void main(String[] a) { System.out.println(\"kept\"); } }");
            first.await("/api/runs/history", list -> list.isArray() && list.size() == 1, Duration.ofMinutes(2));
            JsonNode exercise = first.get("/api/exercises/roll-call");
            submissionId = first.post("/api/exercises/roll-call/submissions", Map.of("files",
                    first.json().convertValue(exercise.path("starterFiles"), Map.class))).path("id").asText();
            first.await("/api/submissions/" + submissionId,
                    s -> Set.of("GRADED", "ERROR").contains(s.path("status").asText()), Duration.ofMinutes(3));
        }

        try (ServerProcess second = ServerProcess.start(dataDir, Map.of(), database).awaitReady(Duration.ofMinutes(5))
                .logIn(username, PASSWORD)) {
            assertEquals(username, second.get("/api/me").path("username").asText());
            assertEquals("// my draft\n", second.get("/api/drafts/" + DRAFT).path("files").path("Main.java").asText());
            JsonNode submissions = second.get("/api/exercises/roll-call/submissions");
            assertEquals(submissionId, submissions.path(0).path("id").asText(), submissions.toString());
            assertEquals("GRADED", submissions.path(0).path("status").asText(), submissions.toString());
            JsonNode run = second.get("/api/runs/history/" + runId);
            assertEquals("FINISHED", run.path("status").asText(), run.toString());
            assertTrue(run.path("output").asText().contains("kept"), run.toString());
            assertTrue(run.path("trace").size() > 0, "the run's trace is kept: " + run);
            JsonNode progress = second.get("/api/progress");
            boolean opened = false;
            for (JsonNode lesson : progress.path("lessons")) {
                opened |= lesson.path("id").asText().equals("processes") && lesson.path("opened").asBoolean();
            }
            assertTrue(opened, "the opened lesson is remembered: " + progress);
            assertTrue(second.get("/api/submissions/" + submissionId + "/trace").isArray());
        }
    }
}
