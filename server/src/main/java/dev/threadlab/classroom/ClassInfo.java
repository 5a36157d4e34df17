package dev.threadlab.classroom;

import java.time.Instant;

/** A class as the rest of the server sees it (never the live entity). */
public record ClassInfo(String id, String name, String joinCode, String ownerId, Instant createdAt) {
}
