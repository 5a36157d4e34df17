package dev.threadlab.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 in the middle of runs: the next start removes what was left and grades what was accepted. */
class ServerKilledIT {

    @TempDir
    Path work;

    @Test
    void afterKillMinusNineLeftoverContainersGoAndAcceptedSubmissionsAreNotLost() throws Exception {
        Path dataDir = work.resolve("data");
        String runId;
        String submissionId;
        List<String> leftovers;
        try (ServerProcess first = ServerProcess.start(dataDir, Map.of()).awaitReady(Duration.ofMinutes(15))
                .signUp("killed-learner", "a long enough password")) {
            runId = first.run("""
                    public class Main {
                        public static void main(String[] args) throws Exception {
                            System.out.println("sleeping");
                            Thread.sleep(600_000);
                        }
                    }
                    """);
            first.await("/api/runs/" + runId, run -> run.path("status").asText().equals("RUNNING"), Duration.ofSeconds(60));

            JsonNode exercise = first.get("/api/exercises/roll-call");
            Map<String, String> files = new java.util.HashMap<>(
                    first.json().convertValue(exercise.path("starterFiles"), Map.class));
            // Main sleeps as soon as it is loaded: the grading container still runs when the server is killed. (The
            // starter itself ends within a second, and the server then removes its container: a race.)
            files.put("Main.java", files.get("Main.java").replaceFirst("public class Main \\{",
                    "public class Main { static { try { Thread.sleep(600_000); } catch (InterruptedException e) { } }"));
            submissionId = first.post("/api/exercises/roll-call/submissions", Map.of("files", files)).path("id").asText();
            first.await("/api/submissions/" + submissionId, s -> s.path("status").asText().equals("GRADING"),
                    Duration.ofSeconds(60));
            Thread.sleep(1000); // let the grading container start

            leftovers = ServerProcess.containers(null, ServerProcess.LABEL);
            first.kill();
        }
        assertFalse(leftovers.isEmpty(), "the killed server's containers were running");
        assertTrue(ServerProcess.containers(null, ServerProcess.LABEL).containsAll(leftovers),
                "kill -9 leaves them behind: nothing else could have removed them");

        try (ServerProcess second = ServerProcess.start(dataDir, Map.of()).awaitReady(Duration.ofMinutes(5))
                .logIn("killed-learner", "a long enough password")) {
            List<String> remaining = ServerProcess.containers(null, ServerProcess.LABEL);
            assertTrue(remaining.stream().noneMatch(Set.copyOf(leftovers)::contains),
                    "left-over containers are removed at start: " + leftovers + " still in " + remaining);

            JsonNode submission = second.await("/api/submissions/" + submissionId,
                    s -> Set.of("GRADED", "ERROR").contains(s.path("status").asText()), Duration.ofMinutes(3));
            assertEquals("GRADED", submission.path("status").asText(), "the accepted submission was graded again: " + submission);
            assertTrue(submission.path("maxScore").asInt() > 0);
            assertEquals(404, second.status("/api/runs/" + runId), "runs live in memory and are gone with the server");
        }
        assertEquals(List.of(), ServerProcess.containers(null, ServerProcess.LABEL), "a clean stop leaves nothing");
    }
}
