package dev.threadlab.submission;

/** Batch-graded submissions belong to no account: their learner id is this prefix and the batch item's id. */
final class BatchOwner {
    static final String PREFIX = "batch:";

    private BatchOwner() {
    }
}
