package dev.threadlab.run;

import static dev.threadlab.run.RunApi.awaitEnd;
import static dev.threadlab.run.RunApi.program;
import static dev.threadlab.run.RunApi.submit;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.threadlab.sandbox.SandboxImage;
import dev.threadlab.sandbox.SandboxReady;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.websockets.next.OpenConnections;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Watchers that stop reading cannot pin the server's memory: 200 sockets on runs that print 3 MB, each reading one
 * message and then nothing, are aborted (and their runs let go of them); sockets beyond the per-run limit are refused.
 */
@QuarkusTest
@TestProfile(RunSocketFloodTest.ManyWatchers.class)
class RunSocketFloodTest {
    static final int RUNS = 4;
    static final int WATCHERS_PER_RUN = 50;
    static final String WATCHER = "cccccccc-3333-0000-0000-000000000003";

    public static class ManyWatchers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("threadlab.runs.sockets.max-per-run", String.valueOf(WATCHERS_PER_RUN),
                    "threadlab.runs.sockets.max-per-address", "300",
                    "threadlab.runs.sockets.max-unsent", "512K",
                    "threadlab.sandbox.limits.output", "4M");
        }
    }

    @Inject
    SandboxImage image;
    @Inject
    OpenConnections openConnections;
    @TestHTTPResource("/ws/runs/")
    URI socketBase;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void sandboxIsReady() throws InterruptedException {
        SandboxReady.await(image);
    }

    /** Takes the first message and never asks for another, like a stuck or hostile client. */
    static final class StopsReading implements WebSocket.Listener {
        final CompletableFuture<String> first = new CompletableFuture<>();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            first.complete(data.toString());
            return null; // no request(n): the client reads nothing more
        }
    }

    @Test
    void clientsThatStopReadingAreAbortedAndPinNothing() throws Exception {
        long heapBefore = heapAfterGc();
        String flood = """
                public class Main {
                    public static void main(String[] args) {
                        String line = "x".repeat(1023) + "\\n";
                        for (int i = 0; i < 3000; i++) {
                            System.out.print(line);
                        }
                    }
                }
                """;
        List<String> runs = new ArrayList<>();
        List<WebSocket> sockets = new ArrayList<>();
        List<StopsReading> listeners = new ArrayList<>();
        for (int r = 0; r < RUNS; r++) {
            Map<String, Object> body = program(flood);
            body.put("trace", false);
            String id = submit(body);
            runs.add(id);
            for (int w = 0; w < WATCHERS_PER_RUN; w++) {
                StopsReading listener = new StopsReading();
                listeners.add(listener);
                sockets.add(connect(id, listener, WATCHER)); // not the owner: aborting them must not cancel the run
            }
        }
        for (StopsReading listener : listeners) {
            assertTrue(listener.first.get(30, TimeUnit.SECONDS).contains("status"), "every client got one message");
        }
        for (String id : runs) {
            assertEquals("FINISHED", awaitEnd(id).get("status"), "the run ended on its own, not cancelled");
        }
        // Aborted, not closed gracefully behind a backlog that the clients never read.
        await().atMost(Duration.ofSeconds(20)).until(() -> openConnections.listAll().isEmpty());
        long grown = heapAfterGc() - heapBefore;
        assertTrue(grown < 100 * 1024 * 1024, "the heap grew by " + grown / (1024 * 1024) + " MB");
        sockets.forEach(WebSocket::abort);
    }

    @Test
    void aSocketBeyondTheLimitOfARunIsRefusedWithAReason() throws Exception {
        String id = submit(program("""
                public class Main {
                    public static void main(String[] args) throws Exception {
                        Thread.sleep(30_000);
                    }
                }
                """));
        List<WebSocket> sockets = new ArrayList<>();
        // The server registers a socket after the handshake, asynchronously: a watcher counts once it got its replay.
        java.util.concurrent.CountDownLatch registered = new java.util.concurrent.CountDownLatch(WATCHERS_PER_RUN);
        for (int w = 0; w < WATCHERS_PER_RUN; w++) {
            sockets.add(connect(id, new WebSocket.Listener() {
                private boolean counted;

                @Override
                public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                    if (!counted) {
                        counted = true;
                        registered.countDown();
                    }
                    socket.request(1);
                    return null;
                }
            }));
        }
        assertTrue(registered.await(10, TimeUnit.SECONDS), "the watchers were not all registered");
        AtomicInteger closeCode = new AtomicInteger();
        CompletableFuture<String> reason = new CompletableFuture<>();
        List<String> texts = new ArrayList<>();
        connect(id, new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                texts.add(data.toString());
                socket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket socket, int statusCode, String why) {
                closeCode.set(statusCode);
                reason.complete(why);
                return null;
            }
        });
        assertEquals("socket.tooManyWatchers", reason.get(10, TimeUnit.SECONDS), "the close reason names why");
        assertEquals(RunSocket.TOO_MANY_SOCKETS, closeCode.get());
        assertTrue(texts.get(0).contains("\"type\":\"error\"") && texts.get(0).contains("too many watchers of this run")
                && texts.get(0).contains("\"messageKey\":\"socket.tooManyWatchers\""), texts.toString());
        assertTrue(!RunStatus.valueOf(RunApi.status(id)).isFinal(), "refusing a watcher does not touch the run");
        sockets.forEach(WebSocket::abort); // the owner's (anonymous) tabs close: the run is cancelled
        await().atMost(Duration.ofSeconds(10)).until(() -> RunApi.status(id).equals("CANCELLED"));
    }

    private WebSocket connect(String runId, WebSocket.Listener listener) throws Exception {
        return connect(runId, listener, null);
    }

    private WebSocket connect(String runId, WebSocket.Listener listener, String learner) throws Exception {
        WebSocket.Builder builder = http.newWebSocketBuilder();
        if (learner != null) {
            builder.header("Cookie", "threadlab_learner=" + learner);
        }
        return builder
                .buildAsync(URI.create(socketBase.toString().replaceFirst("^http", "ws")).resolve(runId), listener)
                .get(10, TimeUnit.SECONDS);
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
