package dev.threadlab.account;

import jakarta.ws.rs.core.NewCookie;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Who is submitting, until accounts exist: an anonymous id in an HttpOnly cookie, created on the first submission.
 * It groups a browser's submissions so that its history, hints and solution unlock follow it.
 */
public final class LearnerCookie {
    public static final String NAME = "threadlab_learner";
    private static final Pattern VALID = Pattern.compile("[0-9a-f-]{36}");

    private LearnerCookie() {
    }

    /** The id from the cookie, or null when absent or not one of ours. */
    public static String idFrom(String cookieValue) {
        return cookieValue != null && VALID.matcher(cookieValue).matches() ? cookieValue : null;
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    public static NewCookie cookie(String id) {
        return new NewCookie.Builder(NAME).value(id).path("/").httpOnly(true).sameSite(NewCookie.SameSite.LAX)
                .maxAge(60 * 60 * 24 * 365).build();
    }
}
