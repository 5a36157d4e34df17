package dev.threadlab.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * {@code /ws/runs/{id}}: replays what the run produced so far, then streams it live; the last message is
 * {@code exit}. Clients send {@code {"type":"stdin","data":"...","eof":false}} and {@code {"type":"cancel"}}.
 */
@WebSocket(path = "/ws/runs/{id}")
public class RunSocket {
    private static final Logger LOG = Logger.getLogger(RunSocket.class);

    private final RunService runs;
    private final ObjectMapper json;
    /**
     * Characters queued for a client but not yet written to its socket. A run's events are bounded (output and trace
     * limits), but a client that does not read must not pin them all in memory once per connection: past this it is
     * disconnected, and may reconnect to replay.
     */
    private static final long MAX_UNSENT_CHARS = 4_000_000;
    private final Map<String, Runnable> unsubscribers = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> unsent = new ConcurrentHashMap<>();

    RunSocket(RunService runs, ObjectMapper json) {
        this.runs = runs;
        this.json = json;
    }

    @OnOpen
    void open(WebSocketConnection connection) {
        Optional<Run> run = runs.find(connection.pathParam("id"));
        if (run.isEmpty()) {
            connection.sendText(Map.of("type", "error", "message", "No run with id '" + connection.pathParam("id") + "'."))
                    .chain(() -> connection.close(new CloseReason(4404, "unknown run")))
                    .subscribe().with(ok -> { }, failure -> { });
            return;
        }
        unsent.put(connection.id(), new AtomicLong());
        unsubscribers.put(connection.id(), run.get().subscribe(event -> send(connection, event)));
    }

    @OnTextMessage
    void receive(String message, WebSocketConnection connection) {
        Optional<Run> run = runs.find(connection.pathParam("id"));
        if (run.isEmpty()) {
            return;
        }
        JsonNode node;
        try {
            node = json.readTree(message);
        } catch (Exception e) {
            reject(connection, "Messages must be JSON objects such as {\"type\":\"stdin\",\"data\":\"...\"}.");
            return;
        }
        String type = node.path("type").asText("");
        switch (type) {
            case "stdin" -> {
                String data = node.hasNonNull("data") ? node.get("data").asText() : null;
                if (!runs.sendStdin(run.get(), data, node.path("eof").asBoolean(false))) {
                    reject(connection, "Too much input: the stdin limit of this run is reached.");
                }
            }
            case "cancel" -> runs.cancel(run.get());
            default -> reject(connection, "Unknown message type '" + type + "'; use \"stdin\" or \"cancel\".");
        }
    }

    @OnClose
    void close(WebSocketConnection connection) {
        unsent.remove(connection.id());
        Runnable unsubscribe = unsubscribers.remove(connection.id());
        if (unsubscribe != null) {
            unsubscribe.run();
            runs.find(connection.pathParam("id")).ifPresent(runs::watcherLeft);
        }
    }

    private void send(WebSocketConnection connection, RunEvent event) {
        AtomicLong backlog = unsent.get(connection.id());
        if (backlog == null) {
            return;
        }
        String text;
        try {
            text = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            LOG.warnf("Run event not serialisable: %s", e.getMessage());
            return;
        }
        if (backlog.addAndGet(text.length()) > MAX_UNSENT_CHARS) {
            unsent.remove(connection.id());
            connection.close(new CloseReason(4008, "client too slow; reconnect to replay"))
                    .subscribe().with(ok -> { }, failure -> { });
            return;
        }
        var sending = connection.sendText(text).invoke(() -> backlog.addAndGet(-text.length()));
        if (event.isLast()) {
            sending = sending.chain(() -> connection.close());
        }
        sending.subscribe().with(ok -> { }, failure -> LOG.debugf("Run event not delivered: %s", failure.getMessage()));
    }

    private static void reject(WebSocketConnection connection, String why) {
        connection.sendText(Map.of("type", "error", "message", why)).subscribe().with(ok -> { }, failure -> { });
    }
}
