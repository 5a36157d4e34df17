package dev.threadlab.account;

/**
 * Fired (synchronously, inside the sign-up transaction) when an account is created from a browser that already had
 * an anonymous learner id, so that features holding that browser's anonymous work can hand it to the account.
 */
public record AccountCreated(String userId, String anonymousLearnerId) {
}
