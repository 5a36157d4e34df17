package dev.threadlab.run;

import dev.threadlab.message.Message;
import dev.threadlab.sandbox.CompileDiagnostic;
import dev.threadlab.sandbox.SandboxExecution;
import dev.threadlab.trace.TraceEvent;
import dev.threadlab.trace.TraceLog;
import dev.threadlab.trace.TraceParser;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One run's state and its event history. Every event is kept, so a client that connects late replays all of it
 * before it sees live events; both happen under the same lock, so nothing is lost or reordered in between.
 */
public final class Run {
    private final String id;
    private final RunRequest request;
    private final RunClient client;
    private final boolean traced;
    private final TraceLog trace;
    private final List<RunEvent> history = new ArrayList<>();
    private final List<Consumer<RunEvent>> subscribers = new CopyOnWriteArrayList<>();
    private final StringBuilder stdout = new StringBuilder();
    private final StringBuilder stderr = new StringBuilder();
    private List<CompileDiagnostic> diagnostics = List.of();
    private RunStatus status = RunStatus.QUEUED;
    private Integer exitCode;
    private Message message;
    private final String readerLanguage;
    private long startedNanos;
    private Long durationMs;
    private Integer queuePosition;
    private SandboxExecution execution;
    private boolean cancelRequested;
    private boolean everWatchedByOwner;
    private int ownerWatchers;
    private final StringBuilder pendingStdin = new StringBuilder();
    private boolean pendingEndOfInput;
    private long stdinBytes;
    private volatile String historyOwner;

    Run(String id, RunRequest request, RunClient client, boolean traced, TraceLog trace, String readerLanguage) {
        this.id = id;
        this.request = request;
        this.client = client;
        this.traced = traced;
        this.trace = trace;
        this.readerLanguage = readerLanguage;
    }

    /** The BCP 47 tag of the language of whoever started the run: the compiler speaks it (null: English). */
    String readerLanguage() {
        return readerLanguage;
    }

    RunClient client() {
        return client;
    }

    /** The account whose run history keeps this run once it ends; null for anonymous runs. */
    String historyOwner() {
        return historyOwner;
    }

    void keepInHistoryOf(String accountId) {
        historyOwner = accountId;
    }

    /**
     * Whether this client started the run: the same learner cookie, or, for a run started without one, the same
     * address and no cookie (both are what {@link RunClient#learner()} says). Only the owner may cancel or type.
     */
    boolean ownedBy(RunClient other) {
        return client.learner().equals(other.learner());
    }

    /** Whether this run records a scheduling trace. */
    public boolean traced() {
        return traced;
    }

    public synchronized List<TraceEvent> traceEvents() {
        return trace.events();
    }

    synchronized void appendTrace(List<TraceParser.Sized> batch) {
        if (status.isFinal()) {
            return;
        }
        List<TraceEvent> kept = trace.add(batch);
        if (!kept.isEmpty()) {
            publish(RunEvent.trace(kept));
        }
    }

    public String id() {
        return id;
    }

    RunRequest request() {
        return request;
    }

    public synchronized RunStatus status() {
        return status;
    }

    public synchronized RunView view() {
        return new RunView(id, status, exitCode, stdout.toString(), stderr.toString(), diagnostics, durationMs,
                queuePosition, message == null ? null : message.english(), message == null ? null : message.key(),
                message == null ? null : message.args());
    }

    synchronized void queued(int position) {
        if (status == RunStatus.QUEUED && !java.util.Objects.equals(queuePosition, position)) {
            queuePosition = position;
            publish(RunEvent.status(RunStatus.QUEUED, position));
        }
    }

    synchronized void moveTo(RunStatus next) {
        if (status.isFinal() || status == next) {
            return;
        }
        if (next == RunStatus.RUNNING) {
            startedNanos = System.nanoTime();
        }
        status = next;
        queuePosition = null;
        publish(RunEvent.status(next, null));
    }

    synchronized void appendStdout(String text) {
        stdout.append(text);
        publish(RunEvent.stdout(text));
    }

    synchronized void appendStderr(String text) {
        stderr.append(text);
        publish(RunEvent.stderr(text));
    }

    synchronized void setDiagnostics(List<CompileDiagnostic> found) {
        diagnostics = List.copyOf(found);
        publish(RunEvent.diagnostics(diagnostics));
    }

    /** The run's last event says why it stopped; the page writes that into the console in its reader's language. */
    synchronized void end(RunStatus finalStatus, Integer code, Message why) {
        if (status.isFinal()) {
            return;
        }
        status = finalStatus;
        exitCode = code;
        message = why;
        queuePosition = null;
        durationMs = startedNanos == 0 ? null : (System.nanoTime() - startedNanos) / 1_000_000;
        publish(RunEvent.status(finalStatus, null));
        publish(RunEvent.exit(finalStatus, code, durationMs, why));
        execution = null;
    }

    /**
     * Sends the history to the subscriber, then every later event, until it unsubscribes or the run ends. Only the
     * owner's watchers count for {@link #watchedButAbandoned}: a stranger who leaves cannot get a run cancelled.
     */
    public synchronized Runnable subscribe(Consumer<RunEvent> subscriber, boolean owner) {
        everWatchedByOwner |= owner;
        history.forEach(subscriber);
        if (status.isFinal()) {
            return () -> { };
        }
        subscribers.add(subscriber);
        if (owner) {
            ownerWatchers++;
        }
        return () -> unsubscribe(subscriber, owner);
    }

    private synchronized void unsubscribe(Consumer<RunEvent> subscriber, boolean owner) {
        if (subscribers.remove(subscriber) && owner) {
            ownerWatchers--;
        }
    }

    /** The owner watched the run in a browser and every one of their sockets is gone. */
    synchronized boolean watchedButAbandoned() {
        return everWatchedByOwner && ownerWatchers == 0 && !status.isFinal();
    }

    synchronized void attach(SandboxExecution running) {
        execution = running;
        if (cancelRequested) {
            running.cancel();
            return;
        }
        if (!pendingStdin.isEmpty()) {
            running.sendStdin(pendingStdin.toString());
            pendingStdin.setLength(0);
        }
        if (pendingEndOfInput) {
            running.closeStdin();
        }
    }

    /** Asks the run to stop; returns false when it had already ended. */
    synchronized boolean requestCancel() {
        if (status.isFinal()) {
            return false;
        }
        cancelRequested = true;
        if (execution != null) {
            execution.cancel();
        }
        return true;
    }

    synchronized boolean cancelRequested() {
        return cancelRequested;
    }

    /** Input typed by the learner; held until the program starts. Returns false past the stdin limit. */
    synchronized boolean sendStdin(String text, boolean endOfInput, long limitBytes) {
        if (status.isFinal()) {
            return true;
        }
        if (text != null) {
            stdinBytes += text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (stdinBytes > limitBytes) {
                return false;
            }
            if (execution != null) {
                execution.sendStdin(text);
            } else {
                pendingStdin.append(text);
            }
        }
        if (endOfInput) {
            if (execution != null) {
                execution.closeStdin();
            } else {
                pendingEndOfInput = true;
            }
        }
        return true;
    }

    private void publish(RunEvent event) {
        history.add(event);
        for (Consumer<RunEvent> subscriber : subscribers) {
            subscriber.accept(event);
        }
        if (event.isLast()) {
            subscribers.clear();
            ownerWatchers = 0;
        }
    }
}
