package dev.threadlab.account;

import dev.threadlab.message.Message;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Who the current request belongs to: an account when logged in (cookie, token or password), else the anonymous
 * learner cookie, else nobody yet. {@link #ownerId()} is the key every feature files a person's work under.
 */
@RequestScoped
public class Viewer {
    private final SecurityIdentity identity;
    private final HttpServerRequest request;

    @Inject
    Viewer(SecurityIdentity identity, HttpServerRequest request) {
        this.identity = identity;
        this.request = request;
    }

    public Optional<Account> account() {
        return AccountIdentity.account(identity);
    }

    /** The account, or UNAUTHENTICATED with a message that says to log in to do this. */
    public Account requireAccount(AccountAction toDo) {
        return account().orElseThrow(() -> new AccountException(AccountException.Kind.UNAUTHENTICATED,
                Message.of("account.logInFirst", "action", toDo.phrase())));
    }

    public boolean is(Role role) {
        return account().map(a -> a.has(role)).orElse(false);
    }

    /** The browser's anonymous learner id, when it has a valid cookie. */
    public String anonymousId() {
        Cookie cookie = request.getCookie(LearnerCookie.NAME);
        return cookie == null ? null : LearnerCookie.idFrom(cookie.getValue());
    }

    /** The account id when logged in, else the anonymous id (or null when this browser has none yet). */
    public String ownerId() {
        return account().map(Account::id).orElseGet(this::anonymousId);
    }

    public String address() {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }

    /** Whether cookies should be marked Secure: the page came over HTTPS (directly or through a proxy). */
    public boolean secure() {
        return request.isSSL() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
    }
}
