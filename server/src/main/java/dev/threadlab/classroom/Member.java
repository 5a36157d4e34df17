package dev.threadlab.classroom;

import java.time.Instant;

/** An account in a class, with its name for the gradebook. */
public record Member(String userId, String username, Instant joinedAt) {
}
