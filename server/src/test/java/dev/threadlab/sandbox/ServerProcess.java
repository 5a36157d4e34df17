package dev.threadlab.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The packaged server (target/quarkus-app, built by {@code ./mvnw verify} before the *IT tests run) as a process of
 * its own, for tests that kill it or take its Docker engine away.
 */
final class ServerProcess implements AutoCloseable {
    /** Containers of these tests carry their own label, apart from the unit tests' and a dev server's. */
    static final String LABEL = "dev.threadlab.sandbox.it";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final URI base;
    private final Path log;
    private String token;
    private String sessionCookie;

    private ServerProcess(Process process, URI base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
    }

    static ServerProcess start(Path dataDir, Map<String, String> properties) throws IOException {
        return start(dataDir, properties, Map.of());
    }

    /** With {@code environment} added, e.g. QUARKUS_DATASOURCE_JDBC_URL to run on PostgreSQL. */
    static ServerProcess start(Path dataDir, Map<String, String> properties, Map<String, String> environment)
            throws IOException {
        String app = System.getProperty("server.app", "target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(Path.of(app))) {
            throw new IllegalStateException("No packaged server at " + app + ": run ./mvnw verify, which packages it first");
        }
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.http.host=127.0.0.1",
                "-Dthreadlab.data-dir=" + dataDir.toAbsolutePath(),
                "-Dthreadlab.lessons.dir=" + Path.of("lessons").toAbsolutePath(),
                "-Dthreadlab.sandbox.image.context=" + Path.of("sandbox-image").toAbsolutePath(),
                "-Dthreadlab.sandbox.label=" + LABEL));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", app));
        Path log = Files.createTempFile(dataDir.getParent(), "server-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        return new ServerProcess(process, URI.create("http://127.0.0.1:" + port), log);
    }

    /** Waits until the server answers and its sandbox is ready. */
    ServerProcess awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The server exited: " + logTail());
            }
            if (readiness() == 200) {
                return this;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The server was not ready within " + timeout + ": " + logTail());
    }

    /** Waits until /q/health/ready answers {@code status} (503 while the sandbox is down, 200 when it is back). */
    void awaitReadiness(int status, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            last = readiness();
            if (last == status) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("readiness stayed " + last + ", expected " + status + ":\n" + logTail());
    }

    /** HTTP status of /q/health/ready, or -1 when the server does not answer. */
    int readiness() {
        try {
            return HTTP.send(HttpRequest.newBuilder(base.resolve("/q/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    JsonNode get(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body().isEmpty() ? "null" : response.body());
    }

    int status(String path) throws Exception {
        return HTTP.send(request(path).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    JsonNode post(String path, Object body) throws Exception {
        return send("POST", path, body, 202);
    }

    /** Sends JSON and returns the answer's JSON; any other status than {@code expected} fails. */
    JsonNode send(String method, String path, Object body, int expected) throws Exception {
        HttpResponse<String> response = HTTP.send(request(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("threadlab_session="))
                .findFirst().ifPresent(c -> sessionCookie = c.substring(0, c.indexOf(';')));
        return JSON.readTree(response.body().isEmpty() ? "null" : response.body());
    }

    /** Signs up a learner; later requests carry a bearer token of theirs (made through HTTP Basic). */
    ServerProcess signUp(String username, String password) throws Exception {
        send("POST", "/api/auth/signup", Map.of("username", username, "password", password), 201);
        sessionCookie = null;
        String basic = java.util.Base64.getEncoder().encodeToString((username + ":" + password).getBytes());
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base.resolve("/api/tokens"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"it\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        token = JSON.readTree(response.body()).path("token").asText();
        return this;
    }

    /** Logs in as a fresh browser would: no token, only the session cookie the log-in sets. */
    ServerProcess logIn(String username, String password) throws Exception {
        token = null;
        send("POST", "/api/auth/login", Map.of("username", username, "password", password), 200);
        return this;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        } else if (sessionCookie != null) {
            builder.header("Cookie", sessionCookie);
        }
        return builder;
    }

    ObjectMapper json() {
        return JSON;
    }

    /** Submits a one-file Java program and returns the run id. */
    String run(String source) throws Exception {
        return post("/api/runs", Map.of("language", "java", "mainClass", "Main", "files", Map.of("Main.java", source)))
                .path("id").asText();
    }

    /** Polls {@code path} until the answer satisfies {@code done}. */
    JsonNode await(String path, Predicate<JsonNode> done, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = get(path);
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(path + " did not get there within " + timeout + "; last answer: " + last);
    }

    /** SIGKILL: no shutdown hook, no clean-up. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** Ids of the containers with this label (and value, if given), running or not, via the docker CLI. */
    static List<String> containers(String dockerHost, String label) throws Exception {
        List<String> command = new ArrayList<>(List.of("docker"));
        if (dockerHost != null) {
            command.addAll(List.of("-H", dockerHost));
        }
        command.addAll(List.of("ps", "-aq", "--filter", "label=" + label));
        Process docker = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(docker.getInputStream().readAllBytes()).strip();
        if (docker.waitFor() != 0) {
            throw new IllegalStateException("docker ps failed: " + out);
        }
        return out.isEmpty() ? List.of() : List.of(out.split("\\s+"));
    }
}
