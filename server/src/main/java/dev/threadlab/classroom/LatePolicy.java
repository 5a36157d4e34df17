package dev.threadlab.classroom;

import java.time.Instant;
import java.util.Comparator;

/**
 * How much of a score counts by when it was submitted: everything by {@code dueAt} (inclusive), {@code latePercent}
 * per cent after it and by {@code lateUntil} (inclusive), nothing after that. No due date ({@link #NONE}) counts
 * everything, always. Pure, so its boundaries are unit-tested without a server.
 */
public record LatePolicy(Instant dueAt, Instant lateUntil, int latePercent) {

    /** No due date: every submission counts in full. */
    public static final LatePolicy NONE = new LatePolicy(null, null, 100);

    /**
     * Which of two policies treats a learner better, for a learner in several classes: the later due date, then the
     * later end of the late window, then the higher late percentage.
     */
    public static final Comparator<LatePolicy> GENEROSITY = Comparator
            .comparing(LatePolicy::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(LatePolicy::lateEnd, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingInt(LatePolicy::latePercent);

    public LatePolicy {
        if (latePercent < 0 || latePercent > 100) {
            throw new IllegalArgumentException("latePercent must be 0 to 100, not " + latePercent);
        }
        if (dueAt != null && lateUntil != null && lateUntil.isBefore(dueAt)) {
            throw new IllegalArgumentException("lateUntil is before dueAt");
        }
    }

    /** The percentage of the score that counts for a submission made at this moment. */
    public int percentAt(Instant submittedAt) {
        if (dueAt == null || !submittedAt.isAfter(dueAt)) {
            return 100;
        }
        return lateUntil != null && !submittedAt.isAfter(lateUntil) ? latePercent : 0;
    }

    /** The last moment a submission still counts for something (the due date when there is no late window). */
    private Instant lateEnd() {
        return lateUntil != null && latePercent > 0 ? lateUntil : dueAt;
    }
}
