package dev.threadlab.run;

import static dev.threadlab.run.RunApi.awaitEnd;
import static dev.threadlab.run.RunApi.program;
import static dev.threadlab.run.RunApi.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threadlab.sandbox.SandboxImage;
import dev.threadlab.sandbox.SandboxReady;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The run WebSocket, with the JDK's own WebSocket client. */
@QuarkusTest
class RunSocketTest {

    @Inject
    SandboxImage image;
    @Inject
    ObjectMapper json;

    @TestHTTPResource("/ws/runs/")
    URI socketBase;

    @BeforeEach
    void sandboxIsReady() throws InterruptedException {
        SandboxReady.await(image);
    }

    /** Every message with the time it arrived. */
    record Received(long atNanos, JsonNode message) {
    }

    final class Recorder implements WebSocket.Listener {
        final List<Received> messages = new CopyOnWriteArrayList<>();
        final CompletableFuture<Void> exit = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode message = json.readTree(partial.toString());
                    messages.add(new Received(System.nanoTime(), message));
                    if (message.path("type").asText().equals("exit")) {
                        exit.complete(null);
                    }
                } catch (Exception e) {
                    exit.completeExceptionally(e);
                }
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }

        String text(String type) {
            return messages.stream().filter(m -> m.message().path("type").asText().equals(type))
                    .map(m -> m.message().path("data").asText()).collect(Collectors.joining());
        }

        List<String> types() {
            return messages.stream().map(m -> m.message().path("type").asText()).toList();
        }
    }

    private WebSocket connect(String runId, Recorder recorder) throws Exception {
        return connectAs(null, runId, recorder);
    }

    /** Connects with this learner cookie (none when null), as that learner's browser would. */
    private WebSocket connectAs(String learner, String runId, Recorder recorder) throws Exception {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        if (learner != null) {
            builder.header("Cookie", "threadlab_learner=" + learner);
        }
        return builder.buildAsync(URI.create(socketBase.toString().replaceFirst("^http", "ws")).resolve(runId), recorder).get(10, TimeUnit.SECONDS);
    }

    @Test
    void outputArrivesWhileTheProgramStillRuns() throws Exception {
        String id = submit(program("""
                public class Main {
                    public static void main(String[] args) throws InterruptedException {
                        for (int i = 1; i <= 6; i++) {
                            System.out.println("tick " + i);
                            Thread.sleep(500);
                        }
                    }
                }
                """));
        Recorder recorder = new Recorder();
        connect(id, recorder);
        recorder.exit.get(60, TimeUnit.SECONDS);

        Received firstLine = recorder.messages.stream()
                .filter(m -> m.message().path("type").asText().equals("stdout")).findFirst().orElseThrow();
        Received exit = recorder.messages.get(recorder.messages.size() - 1);
        assertEquals("exit", exit.message().path("type").asText(), "exit is the last message");
        assertEquals("FINISHED", exit.message().path("status").asText());
        assertEquals(0, exit.message().path("exitCode").asInt());
        long gapMs = (exit.atNanos() - firstLine.atNanos()) / 1_000_000;
        assertTrue(gapMs >= 2000, "first line came only " + gapMs + " ms before exit");
        assertEquals("tick 1\ntick 2\ntick 3\ntick 4\ntick 5\ntick 6\n", recorder.text("stdout"));
    }

    @Test
    void traceBatchesArriveWhileTheProgramStillRuns() throws Exception {
        String id = submit(program("""
                public class Main {
                    public static void main(String[] args) throws InterruptedException {
                        // Spins, with a short sleep every 100 ms: each one is a state change, so the trace has
                        // something new for many batches (a steady spinner changes only when it changes CPU).
                        Thread worker = new Thread(() -> {
                            long end = System.nanoTime() + 1_500_000_000L;
                            while (System.nanoTime() < end) {
                                long lap = System.nanoTime() + 100_000_000L;
                                while (System.nanoTime() < lap) { }
                                try {
                                    Thread.sleep(20);
                                } catch (InterruptedException e) {
                                    return;
                                }
                            }
                        }, "spinner");
                        worker.start();
                        worker.join();
                    }
                }
                """));
        Recorder recorder = new Recorder();
        connect(id, recorder);
        recorder.exit.get(60, TimeUnit.SECONDS);
        List<Received> traces = recorder.messages.stream()
                .filter(m -> m.message().path("type").asText().equals("trace")).toList();
        assertTrue(traces.size() >= 5, "trace arrives in many small batches, got " + traces.size());
        Received exit = recorder.messages.get(recorder.messages.size() - 1);
        long leadMs = (exit.atNanos() - traces.get(0).atNanos()) / 1_000_000;
        assertTrue(leadMs >= 1000, "first trace batch came only " + leadMs + " ms before exit");
        boolean spinnerSeen = traces.stream().flatMap(m -> m.message().path("events").findValuesAsText("name").stream())
                .anyMatch("spinner"::equals);
        assertTrue(spinnerSeen, "the worker thread is named in the live trace");
    }

    @Test
    void aLateClientReplaysEverything() throws Exception {
        String id = submit(program("""
                public class Main {
                    public static void main(String[] args) {
                        System.out.println("out line");
                        System.err.println("err line");
                    }
                }
                """));
        awaitEnd(id);
        Recorder recorder = new Recorder();
        connect(id, recorder);
        recorder.exit.get(10, TimeUnit.SECONDS);
        assertEquals("out line\n", recorder.text("stdout"));
        assertEquals("err line\n", recorder.text("stderr"));
        List<String> statuses = recorder.messages.stream().filter(m -> m.message().path("type").asText().equals("status"))
                .map(m -> m.message().path("status").asText()).toList();
        assertEquals(List.of("QUEUED", "COMPILING", "RUNNING", "FINISHED"), statuses);
        assertTrue(recorder.types().contains("trace"), "the trace is replayed too");
        assertEquals("exit", recorder.types().get(recorder.types().size() - 1));
    }

    @Test
    void interactiveStdinAndEndOfInputReachTheProgram() throws Exception {
        String id = submit(program("""
                import java.util.Scanner;

                public class Main {
                    public static void main(String[] args) {
                        Scanner in = new Scanner(System.in);
                        System.out.println("name?");
                        while (in.hasNextLine()) {
                            System.out.println("hello " + in.nextLine());
                        }
                        System.out.println("bye");
                    }
                }
                """));
        Recorder recorder = new Recorder();
        WebSocket socket = connect(id, recorder);
        socket.sendText("{\"type\":\"stdin\",\"data\":\"Ada\\n\"}", true).get(5, TimeUnit.SECONDS);
        socket.sendText("{\"type\":\"stdin\",\"data\":\"Grace\\n\",\"eof\":true}", true).get(5, TimeUnit.SECONDS);
        recorder.exit.get(60, TimeUnit.SECONDS);
        assertEquals("name?\nhello Ada\nhello Grace\nbye\n", recorder.text("stdout"));
    }

    @Test
    void aStdinFloodFromTheClientIsCutAtTheLimitWithAnError() throws Exception {
        String id = submit(program("""
                public class Main {
                    public static void main(String[] args) throws Exception {
                        long total = 0;
                        byte[] buffer = new byte[65536];
                        for (int n; (n = System.in.read(buffer)) > 0; ) {
                            total += n;
                        }
                        System.out.println("received " + total);
                    }
                }
                """));
        Recorder recorder = new Recorder();
        WebSocket socket = connect(id, recorder);
        String chunk = "{\"type\":\"stdin\",\"data\":\"" + "x".repeat(100_000) + "\"}";
        for (int i = 0; i < 15; i++) {
            socket.sendText(chunk, true).get(5, TimeUnit.SECONDS);
        }
        socket.sendText("{\"type\":\"stdin\",\"eof\":true}", true).get(5, TimeUnit.SECONDS);
        recorder.exit.get(60, TimeUnit.SECONDS);
        assertTrue(recorder.messages.stream().anyMatch(m -> m.message().path("type").asText().equals("error")
                && m.message().path("message").asText().contains("Too much input")), recorder.types().toString());
        long received = Long.parseLong(recorder.text("stdout").replaceAll("\\D", ""));
        assertTrue(received > 0 && received <= 1_048_576, "the program got " + received + " bytes, at most the limit");
    }

    @Test
    void whenTheLastBrowserLeavesTheRunIsCancelledAndItsResultStaysReadable() throws Exception {
        String id = submit(program("""
                public class Main {
                    public static void main(String[] args) throws Exception {
                        System.out.println("working");
                        Thread.sleep(60_000);
                    }
                }
                """));
        Recorder recorder = new Recorder();
        WebSocket socket = connect(id, recorder);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> recorder.text("stdout").contains("working"));
        socket.abort(); // the tab is closed: no close handshake
        java.util.Map<String, Object> result = awaitEnd(id);
        assertEquals("CANCELLED", result.get("status"), result.toString());
        assertEquals("working\n", result.get("stdout"));
    }

    @Test
    void cancelOverTheSocket() throws Exception {
        String id = submit(program("""
                public class Main {
                    public static void main(String[] args) throws Exception {
                        System.out.println("waiting");
                        Thread.sleep(60_000);
                    }
                }
                """));
        Recorder recorder = new Recorder();
        WebSocket socket = connect(id, recorder);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> recorder.text("stdout").contains("waiting"));
        socket.sendText("{\"type\":\"cancel\"}", true).get(5, TimeUnit.SECONDS);
        recorder.exit.get(10, TimeUnit.SECONDS);
        assertEquals("CANCELLED", recorder.messages.get(recorder.messages.size() - 1).message().path("status").asText());
    }

    @Test
    void aStrangerMayWatchButNotTypeOrCancelAndTheirLeavingDoesNotCancel() throws Exception {
        String owner = "aaaaaaaa-2222-0000-0000-000000000001";
        String id = RunApi.submitAs(owner, program("""
                import java.util.Scanner;

                public class Main {
                    public static void main(String[] args) {
                        Scanner in = new Scanner(System.in);
                        System.out.println("ready");
                        while (in.hasNextLine()) {
                            System.out.println("got " + in.nextLine());
                        }
                    }
                }
                """));
        Recorder ownerView = new Recorder();
        WebSocket ownerSocket = connectAs(owner, id, ownerView);
        Recorder strangerView = new Recorder();
        WebSocket stranger = connectAs("bbbbbbbb-2222-0000-0000-000000000002", id, strangerView);
        Recorder anonymousView = new Recorder();
        WebSocket anonymous = connectAs(null, id, anonymousView);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> strangerView.text("stdout").contains("ready"));

        stranger.sendText("{\"type\":\"stdin\",\"data\":\"evil\\n\"}", true).get(5, TimeUnit.SECONDS);
        stranger.sendText("{\"type\":\"cancel\"}", true).get(5, TimeUnit.SECONDS);
        anonymous.sendText("{\"type\":\"cancel\"}", true).get(5, TimeUnit.SECONDS);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> errors(strangerView).size() == 2 && errors(anonymousView).size() == 1);
        assertTrue(errors(strangerView).get(0).contains("Only the learner who started this run"), errors(strangerView).toString());
        stranger.abort(); // a stranger's tab closing is not the owner leaving
        anonymous.abort();
        Thread.sleep(1000);
        assertEquals("RUNNING", RunApi.status(id));

        ownerSocket.sendText("{\"type\":\"stdin\",\"data\":\"mine\\n\"}", true).get(5, TimeUnit.SECONDS);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> ownerView.text("stdout").contains("got mine"));
        ownerSocket.sendText("{\"type\":\"cancel\"}", true).get(5, TimeUnit.SECONDS);
        ownerView.exit.get(10, TimeUnit.SECONDS);
        assertEquals("CANCELLED", RunApi.view(id).get("status"));
        assertEquals("ready\ngot mine\n", RunApi.view(id).get("stdout"), "the stranger's input never arrived");
        assertTrue(errors(ownerView).isEmpty());
    }

    private static List<String> errors(Recorder recorder) {
        return recorder.messages.stream().filter(m -> m.message().path("type").asText().equals("error"))
                .map(m -> m.message().path("message").asText()).toList();
    }

    @Test
    void unknownRunGetsAnErrorMessage() throws Exception {
        Recorder recorder = new Recorder();
        connect("nope", recorder);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> !recorder.messages.isEmpty());
        assertEquals("error", recorder.types().get(0));
    }
}
