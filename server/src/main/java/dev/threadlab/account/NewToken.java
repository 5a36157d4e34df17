package dev.threadlab.account;

/** A token just created: the only time its secret is shown. */
public record NewToken(String id, String token) {
}
