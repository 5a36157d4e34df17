package dev.threadlab.account;

import jakarta.ws.rs.core.NewCookie;

/** The log-in cookie: HttpOnly, SameSite=Lax, and Secure when the page came over HTTPS. */
public final class SessionCookie {
    public static final String NAME = "threadlab_session";

    private SessionCookie() {
    }

    public static NewCookie of(String secret, int maxAgeSeconds, boolean secure) {
        return new NewCookie.Builder(NAME).value(secret).path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX).maxAge(maxAgeSeconds).build();
    }

    public static NewCookie cleared(boolean secure) {
        return new NewCookie.Builder(NAME).value("").path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX).maxAge(0).build();
    }
}
