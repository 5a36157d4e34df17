package dev.threadlab.lesson;

import java.util.Set;

/**
 * How a runnable example is meant to end, from its info string: by default {@code FINISHED} with exit code 0;
 * {@code expect=DEADLOCK} (or another final run status) for an example that shows a failure on purpose, and
 * {@code exit=N} for one that exits with another code.
 */
public record ExpectedEnd(String status, int exitCode) {
    public static final String FINISHED = "FINISHED";
    /** The final run statuses an example may be written to reach. */
    public static final Set<String> STATUSES = Set.of(FINISHED, "DEADLOCK", "TIMED_OUT", "MEMORY_LIMIT", "OUTPUT_LIMIT");

    public static final ExpectedEnd NORMAL = new ExpectedEnd(FINISHED, 0);

    /** Null words mean the defaults; an unknown status or a non-numeric exit code is an authoring error. */
    static ExpectedEnd of(String expect, String exit) {
        String status = expect == null ? FINISHED : expect.toUpperCase(java.util.Locale.ROOT);
        if (!STATUSES.contains(status)) {
            throw new InvalidLessonException("expect=" + expect + " is not a final status; use one of "
                    + String.join(", ", new java.util.TreeSet<>(STATUSES)));
        }
        if (exit != null && !status.equals(FINISHED)) {
            throw new InvalidLessonException("exit=" + exit + " only makes sense for an example that finishes");
        }
        try {
            return new ExpectedEnd(status, exit == null ? 0 : Integer.parseInt(exit));
        } catch (NumberFormatException e) {
            throw new InvalidLessonException("exit=" + exit + " is not a whole number");
        }
    }

    @Override
    public String toString() {
        return status.equals(FINISHED) ? "finish with exit code " + exitCode : "end with status " + status;
    }
}
