package dev.threadlab.account;

import java.time.Instant;

/** A token as listed: never its secret. */
public record TokenView(String id, String name, Instant createdAt, Instant lastUsedAt) {

    static TokenView of(ApiToken token) {
        return new TokenView(token.id, token.name, token.createdAt, token.lastUsedAt);
    }
}
