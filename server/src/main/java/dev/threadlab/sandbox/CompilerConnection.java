package dev.threadlab.sandbox;

import com.github.dockerjava.api.model.Frame;
import dev.threadlab.protocol.CompileOrder;
import dev.threadlab.protocol.FrameDecoder;
import dev.threadlab.protocol.ProtocolViolation;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * The server's end of one compile service container: sends a request's sources, and reads the answer from the
 * container's stdout. One request at a time ({@link CompileService} holds a lock around {@link #ask}).
 */
final class CompilerConnection implements LauncherContainer.Sink {
    private static final Logger LOG = Logger.getLogger(CompilerConnection.class);

    private final LauncherContainer container;
    private final FrameDecoder decoder = FrameDecoder.forLauncherFrames(this::frame);
    private CompileAnswer answer;
    private CompletableFuture<CompileAnswer.Result> pending;
    private volatile boolean broken;

    CompilerConnection(LauncherContainer container) {
        this.container = container;
        container.bind(this);
    }

    LauncherContainer container() {
        return container;
    }

    boolean alive() {
        return !broken && !container.hasEnded();
    }

    /** Sends the sources and waits for their answer; any failure means this service is no longer to be used. */
    /** {@code order}: the release to compile for, and the language of javac's messages. */
    CompileAnswer.Result ask(Map<String, String> sources, CompileOrder order, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        CompletableFuture<CompileAnswer.Result> result = new CompletableFuture<>();
        synchronized (this) {
            if (broken) {
                throw new ExecutionException(new IllegalStateException("the compile service failed before"));
            }
            answer = new CompileAnswer();
            pending = result;
        }
        sources.forEach(container.stdin()::sendFile);
        container.stdin().sendCompile(order);
        return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void output(Frame frame) {
        switch (frame.getStreamType()) {
            case STDOUT, RAW -> {
                try {
                    decoder.accept(frame.getPayload(), 0, frame.getPayload().length);
                } catch (ProtocolViolation e) {
                    fail(e);
                }
            }
            case STDERR -> LOG.debugf("Compile service: %s", new String(frame.getPayload(), java.nio.charset.StandardCharsets.UTF_8));
            default -> {
            }
        }
    }

    @Override
    public void ended(Throwable error) {
        fail(new IllegalStateException("the compile service ended", error));
    }

    private synchronized void frame(dev.threadlab.protocol.Frame frame) throws ProtocolViolation {
        if (answer == null) {
            throw new ProtocolViolation("a frame from the compile service while no request was under way");
        }
        CompileAnswer.Result result = answer.add(frame);
        if (result != null) {
            answer = null;
            pending.complete(result);
        }
    }

    private synchronized void fail(Exception cause) {
        broken = true;
        if (pending != null) {
            pending.completeExceptionally(cause);
        }
    }
}
