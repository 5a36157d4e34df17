package dev.threadlab.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threadlab.message.Message;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * {@code /ws/runs/{id}}: replays what the run produced so far, then streams it live; the last message is
 * {@code exit}. Clients send {@code {"type":"stdin","data":"...","eof":false}} and {@code {"type":"cancel"}}; only
 * the learner who started the run may (anyone with the id may watch). Sockets are limited per run and per address,
 * and a client that stops reading is aborted, so watchers cannot pin the server's memory.
 */
@WebSocket(path = "/ws/runs/{id}")
public class RunSocket {
    private static final Logger LOG = Logger.getLogger(RunSocket.class);
    /** Close code of a socket refused by the per-run or per-address limit (4000-4999: application codes). */
    static final int TOO_MANY_SOCKETS = 4029;
    /** After the last message, a client has this long to take it before its connection is aborted. */
    private static final long DRAIN_SECONDS = 30;

    private final RunService runs;
    private final ObjectMapper json;
    private final SocketQuota quota;
    /**
     * Characters queued for a client but not yet written to its socket. A run's events are bounded (output and trace
     * limits), but a client that does not read must not pin them in memory once per connection: past this it is
     * aborted, and may reconnect to replay.
     */
    private final long maxUnsent;
    private final Map<String, Watcher> watchers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService drainTimer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "run-socket-drain");
        thread.setDaemon(true);
        return thread;
    });

    /** One open, counted socket: its run, client, unsent characters and how to let go of the run. */
    private record Watcher(String runId, RunClient client, AtomicLong unsent, Runnable unsubscribe, Runnable abort) {
    }

    RunSocket(RunService runs, ObjectMapper json, RunConfig config) {
        this.runs = runs;
        this.json = json;
        this.quota = new SocketQuota(config.sockets().maxPerRun(), config.sockets().maxPerAddress());
        this.maxUnsent = config.sockets().maxUnsent().asLongValue();
    }

    @OnOpen
    void open(WebSocketConnection connection) {
        String runId = connection.pathParam("id");
        Optional<Run> run = runs.find(runId);
        if (run.isEmpty()) {
            refuse(connection, Message.of("socket.unknownRun", "run", runId), new CloseReason(4404, "unknown run"));
            return;
        }
        RunClient client = client(connection);
        Message refused = quota.open(runId, client.address());
        if (refused != null) {
            refuse(connection, refused, new CloseReason(TOO_MANY_SOCKETS, refused.key()));
            return;
        }
        AtomicLong unsent = new AtomicLong();
        Runnable abort = connection.userData().get(RunSocketUpgrade.ABORT);
        // Registered before subscribing: the replay sends at once and may already find the client too slow.
        Watcher placeholder = new Watcher(runId, client, unsent, () -> { }, abort);
        watchers.put(connection.id(), placeholder);
        Runnable unsubscribe = run.get().subscribe(event -> send(connection, event), run.get().ownedBy(client));
        if (watchers.replace(connection.id(), placeholder,
                new Watcher(runId, client, unsent, unsubscribe, abort)) == false) {
            unsubscribe.run(); // already dropped as too slow during the replay
        }
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
            reject(connection, Message.of("socket.notJson"));
            return;
        }
        String type = node.path("type").asText("");
        RunClient client = client(connection);
        try {
            switch (type) {
                case "stdin" -> {
                    String data = node.hasNonNull("data") ? node.get("data").asText() : null;
                    if (!runs.sendStdin(run.get(), client, data, node.path("eof").asBoolean(false))) {
                        reject(connection, Message.of("socket.stdinLimit"));
                    }
                }
                case "cancel" -> runs.cancel(run.get(), client);
                default -> reject(connection, Message.of("socket.unknownType", "type", type));
            }
        } catch (NotYourRunException e) {
            reject(connection, e.explanation());
        }
    }

    @OnClose
    void close(WebSocketConnection connection) {
        Watcher watcher = drop(connection.id());
        if (watcher != null) {
            runs.find(watcher.runId()).ifPresent(runs::watcherLeft);
        }
    }

    /** Forgets the socket: its run no longer holds it, its quota is free. Null when it was already dropped. */
    private Watcher drop(String connectionId) {
        Watcher watcher = watchers.remove(connectionId);
        if (watcher != null) {
            forget(watcher);
        }
        return watcher;
    }

    /** What a socket held once it is out of {@code watchers}: its subscription and its place in the quota. */
    private void forget(Watcher watcher) {
        watcher.unsubscribe().run();
        quota.release(watcher.runId(), watcher.client().address());
    }

    private static RunClient client(WebSocketConnection connection) {
        RunClient client = connection.userData().get(RunSocketUpgrade.CLIENT);
        return client != null ? client : RunClient.of(null, null);
    }

    private void send(WebSocketConnection connection, RunEvent event) {
        Watcher watcher = watchers.get(connection.id());
        if (watcher == null) {
            return;
        }
        String text;
        try {
            text = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            LOG.warnf("Run event not serialisable: %s", e.getMessage());
            return;
        }
        AtomicLong backlog = watcher.unsent();
        if (backlog.addAndGet(text.length()) > maxUnsent) {
            LOG.debugf("Run socket %s stopped reading; aborting it", connection.id());
            abort(connection, watcher);
            return;
        }
        var sending = connection.sendText(text).invoke(() -> backlog.addAndGet(-text.length()));
        if (event.isLast()) {
            sending = sending.chain(() -> connection.close());
            drainTimer.schedule(() -> {
                Watcher current = watchers.get(connection.id());
                // The same socket (its placeholder during a replay shares the counter): the close frame is still
                // stuck behind what the client never read.
                if (current != null && current.unsent() == backlog) {
                    abort(connection, current);
                }
            }, DRAIN_SECONDS, TimeUnit.SECONDS);
        }
        sending.subscribe().with(ok -> { }, failure -> LOG.debugf("Run event not delivered: %s", failure.getMessage()));
    }

    /** Drops the subscription at once (nothing more is queued) and resets the TCP connection. */
    private void abort(WebSocketConnection connection, Watcher watcher) {
        if (watchers.remove(connection.id(), watcher)) {
            forget(watcher);
            // Not here: this thread may hold the run's lock (events are sent under it), and cancelling takes the queue's.
            drainTimer.execute(() -> runs.find(watcher.runId()).ifPresent(runs::watcherLeft));
        }
        if (watcher.abort() != null) {
            watcher.abort().run();
        } else {
            connection.close(new CloseReason(4008, "client too slow; reconnect to replay"))
                    .subscribe().with(ok -> { }, failure -> { });
        }
    }

    private static void refuse(WebSocketConnection connection, Message message, CloseReason reason) {
        connection.sendText(error(message))
                .chain(() -> connection.close(reason))
                .subscribe().with(ok -> { }, failure -> { });
    }

    private static void reject(WebSocketConnection connection, Message why) {
        connection.sendText(error(why)).subscribe().with(ok -> { }, failure -> { });
    }

    /** {"type":"error"} with the English message, and its key and arguments for the page to say it. */
    private static Map<String, Object> error(Message why) {
        return Map.of("type", "error", "message", why.english(), "messageKey", why.key(), "args", why.args());
    }
}
