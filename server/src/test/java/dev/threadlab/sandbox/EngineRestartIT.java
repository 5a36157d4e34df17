package dev.threadlab.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Docker engine restarts in the middle of runs. The test runs a private engine (its own socket, data and exec
 * roots and its own bridge) so that restarting it disturbs nothing else on the machine; it needs root, as dockerd
 * does. (Not {@code --bridge none}: dockerd then deletes docker0, which the machine's main engine needs.)
 */
class EngineRestartIT {
    private static final String BASE_IMAGE = "course-sandbox-base:trixie-jdk21-jdk25";
    private static final String HELLO = """
            public class Main {
                public static void main(String[] args) {
                    System.out.println("hello again");
                }
            }
            """;

    private final Path root = Path.of("/tmp/threadlab-engine-it-" + ProcessHandle.current().pid());
    private final String host = "unix://" + root.resolve("docker.sock");
    private final String bridge = "tlit" + ProcessHandle.current().pid() % 100_000;
    private Process engine;

    @Test
    void runsEndWithAReasonHealthFollowsTheEngineAndLaterRunsWorkWithoutARestart() throws Exception {
        startEngine();
        shell("docker save " + BASE_IMAGE + " | docker -H " + host + " load");

        try (ServerProcess server = ServerProcess.start(root.resolve("server"),
                Map.of("threadlab.sandbox.docker-host", host)).awaitReady(Duration.ofMinutes(5))) {
            String runId = server.run("""
                    public class Main {
                        public static void main(String[] args) throws Exception {
                            System.out.println("sleeping");
                            Thread.sleep(600_000);
                        }
                    }
                    """);
            server.await("/api/runs/" + runId, run -> run.path("stdout").asText().contains("sleeping"), Duration.ofSeconds(60));

            List<String> beforeTheRestart = ServerProcess.containers(host, ServerProcess.LABEL);
            stopEngine();
            JsonNode ended = server.await("/api/runs/" + runId, run -> !run.path("status").asText().equals("RUNNING"),
                    Duration.ofSeconds(60));
            assertEquals("ERROR", ended.path("status").asText(), ended.toString());
            assertFalse(ended.path("message").asText().isBlank(), "the run says why it ended: " + ended);
            server.awaitReadiness(503, Duration.ofSeconds(30));

            startEngine();
            server.awaitReadiness(200, Duration.ofSeconds(60));
            // The run's container could not be removed while the engine was away; neither could the warm pool's. New
            // pooled containers may already be starting.
            List<String> remaining = ServerProcess.containers(host, ServerProcess.LABEL);
            assertTrue(remaining.stream().noneMatch(beforeTheRestart::contains),
                    "containers from before the restart are gone: " + beforeTheRestart + " against " + remaining);
            String again = server.run(HELLO);
            JsonNode result = server.await("/api/runs/" + again, run -> !List.of("QUEUED", "COMPILING", "RUNNING")
                    .contains(run.path("status").asText()), Duration.ofSeconds(60));
            assertEquals("FINISHED", result.path("status").asText(), result + "\n" + server.logTail());
            assertEquals("hello again\n", result.path("stdout").asText());
        }
        assertEquals(List.of(), ServerProcess.containers(host, ServerProcess.LABEL), "a clean stop leaves nothing");
    }

    private void startEngine() throws Exception {
        assertEquals("root", System.getProperty("user.name"), "a private Docker engine needs root (CI runs as root)");
        Files.createDirectories(root);
        if (new ProcessBuilder("ip", "link", "show", bridge).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() != 0) {
            shell("ip link add name " + bridge + " type bridge && ip addr add 10.231.0.1/24 dev " + bridge
                    + " && ip link set " + bridge + " up");
        }
        engine = new ProcessBuilder("dockerd", "--host", host, "--data-root", root.resolve("data").toString(),
                "--exec-root", root.resolve("exec").toString(), "--pidfile", root.resolve("docker.pid").toString(),
                "--bridge", bridge, "--iptables=false")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(root.resolve("dockerd.log").toFile()))
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (new ProcessBuilder("docker", "-H", host, "info").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0) {
                return;
            }
            assertTrue(engine.isAlive(), "dockerd exited: " + Files.readString(root.resolve("dockerd.log")));
            Thread.sleep(250);
        }
        throw new AssertionError("the private engine did not start: " + Files.readString(root.resolve("dockerd.log")));
    }

    private void stopEngine() throws InterruptedException {
        if (engine != null && engine.isAlive()) {
            engine.destroy(); // SIGTERM: dockerd stops its containers and unmounts, as a service restart does
            if (!engine.waitFor(60, TimeUnit.SECONDS)) {
                engine.destroyForcibly();
                engine.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static void shell(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), command + ": " + output);
    }

    @AfterEach
    void removeThePrivateEngine() throws Exception {
        stopEngine();
        new ProcessBuilder("ip", "link", "del", bridge).start().waitFor();
        new ProcessBuilder("rm", "-rf", root.toString()).start().waitFor();
    }
}
