package dev.threadlab.run;

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
    private final Map<String, Runnable> unsubscribers = new ConcurrentHashMap<>();

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
        Runnable unsubscribe = unsubscribers.remove(connection.id());
        if (unsubscribe != null) {
            unsubscribe.run();
            runs.find(connection.pathParam("id")).ifPresent(runs::watcherLeft);
        }
    }

    private void send(WebSocketConnection connection, RunEvent event) {
        var sending = connection.sendText(event);
        if (event.isLast()) {
            sending = sending.chain(() -> connection.close());
        }
        sending.subscribe().with(ok -> { }, failure -> LOG.debugf("Run event not delivered: %s", failure.getMessage()));
    }

    private static void reject(WebSocketConnection connection, String why) {
        connection.sendText(Map.of("type", "error", "message", why)).subscribe().with(ok -> { }, failure -> { });
    }
}
