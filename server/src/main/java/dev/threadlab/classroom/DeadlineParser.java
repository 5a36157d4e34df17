package dev.threadlab.classroom;

import dev.threadlab.account.AccountException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Turns a deadline request into a {@link LatePolicy}, or a 400 that says what to send instead. */
final class DeadlineParser {
    private static final String EXAMPLE = "an ISO-8601 date and time with its zone, e.g. 2025-03-01T23:59:00+08:00"
            + " or 2025-03-01T15:59:00Z";

    private DeadlineParser() {
    }

    static LatePolicy parse(ClassViews.DeadlineRequest request) {
        if (request == null || request.dueAt() == null || request.dueAt().isBlank()) {
            throw invalid("dueAt is required: " + EXAMPLE + ".");
        }
        Instant dueAt = instant("dueAt", request.dueAt());
        Instant lateUntil = request.lateUntil() == null || request.lateUntil().isBlank() ? null
                : instant("lateUntil", request.lateUntil());
        int percent = request.latePercent() == null ? 0 : request.latePercent();
        if (percent < 0 || percent > 100) {
            throw invalid("latePercent is the share of the score a late submission keeps: 0 to 100, not "
                    + percent + ".");
        }
        if (lateUntil != null && lateUntil.isBefore(dueAt)) {
            throw invalid("lateUntil (" + lateUntil + ") is before dueAt (" + dueAt + "): late submissions are "
                    + "accepted after the due date, so lateUntil must be the same or later.");
        }
        return new LatePolicy(dueAt, lateUntil, percent);
    }

    private static Instant instant(String field, String text) {
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(field + " '" + text + "' is not " + EXAMPLE + ".");
        }
    }

    private static AccountException invalid(String message) {
        return new AccountException(AccountException.Kind.INVALID, message);
    }
}
