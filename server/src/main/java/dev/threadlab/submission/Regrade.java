package dev.threadlab.submission;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/** One regrade of an exercise in progress: how many submissions it covers and how many are done. */
public final class Regrade {
    private final String id;
    private final String exerciseId;
    private final Instant startedAt;
    private final int total;
    private final AtomicInteger done = new AtomicInteger();

    Regrade(String id, String exerciseId, Instant startedAt, int total) {
        this.id = id;
        this.exerciseId = exerciseId;
        this.startedAt = startedAt;
        this.total = total;
    }

    void done() {
        done.incrementAndGet();
    }

    public Progress progress() {
        int finished = done.get();
        return new Progress(id, exerciseId, startedAt, total, finished, finished >= total);
    }

    /** What the API shows. */
    public record Progress(String id, String exerciseId, Instant startedAt, int total, int done, boolean finished) {
    }
}
