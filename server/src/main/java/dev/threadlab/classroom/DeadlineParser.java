package dev.threadlab.classroom;

import dev.threadlab.account.AccountException;
import dev.threadlab.message.Message;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Turns a deadline request into a {@link LatePolicy}, or a 400 that says what to send instead. */
final class DeadlineParser {
    // What a date should look like, said inside the refusals about a missing or unreadable date.
    private static final Message EXAMPLE = Message.of("deadline.example");

    private DeadlineParser() {
    }

    static LatePolicy parse(ClassViews.DeadlineRequest request) {
        if (request == null || request.dueAt() == null || request.dueAt().isBlank()) {
            throw invalid(Message.of("deadline.dueAtRequired", "example", EXAMPLE));
        }
        Instant dueAt = instant("dueAt", request.dueAt());
        Instant lateUntil = request.lateUntil() == null || request.lateUntil().isBlank() ? null
                : instant("lateUntil", request.lateUntil());
        int percent = request.latePercent() == null ? 0 : request.latePercent();
        if (percent < 0 || percent > 100) {
            throw invalid(Message.of("deadline.latePercentRange", "percent", percent));
        }
        if (lateUntil != null && lateUntil.isBefore(dueAt)) {
            // The instants as text, so that the JSON's args show them as the English sentence does.
            throw invalid(Message.of("deadline.lateUntilBeforeDueAt", "lateUntil", lateUntil.toString(),
                    "dueAt", dueAt.toString()));
        }
        return new LatePolicy(dueAt, lateUntil, percent);
    }

    private static Instant instant(String field, String text) {
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(Message.of("deadline.notADate", "field", field, "text", text, "example", EXAMPLE));
        }
    }

    private static AccountException invalid(Message explanation) {
        return new AccountException(AccountException.Kind.INVALID, explanation);
    }
}
