package dev.threadlab.account;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * One mechanism for the three ways to prove who you are: {@code Authorization: Bearer <token>} and HTTP Basic for
 * scripts, the log-in cookie for browsers. A wrong token or password is 401; a stale cookie just means anonymous,
 * so that an old browser tab still reads lessons.
 */
@ApplicationScoped
public class AccountAuthentication implements HttpAuthenticationMechanism {
    static final String ADDRESS = "threadlab.address";
    static final String THROTTLED = "threadlab.throttled";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String header = context.request().getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            TokenAuthenticationRequest request = new TokenAuthenticationRequest(
                    new TokenCredential(header.substring(7).strip(), "bearer"));
            return identities.authenticate(request);
        }
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return basic(context, header.substring(6).strip(), identities);
        }
        Cookie cookie = context.request().getCookie(SessionCookie.NAME);
        if (cookie != null && !cookie.getValue().isEmpty()) {
            return identities.authenticate(new SessionAuthenticationRequest(cookie.getValue()))
                    .onFailure(AuthenticationFailedException.class).recoverWithNull();
        }
        return Uni.createFrom().nullItem();
    }

    private Uni<SecurityIdentity> basic(RoutingContext context, String encoded, IdentityProviderManager identities) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(new AuthenticationFailedException("malformed Basic credentials"));
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Uni.createFrom().failure(new AuthenticationFailedException("malformed Basic credentials"));
        }
        UsernamePasswordAuthenticationRequest request = new UsernamePasswordAuthenticationRequest(
                decoded.substring(0, colon), new PasswordCredential(decoded.substring(colon + 1).toCharArray()));
        request.setAttribute(ADDRESS, context.request().remoteAddress().hostAddress());
        return identities.authenticate(request).onFailure().invoke(failure -> {
            if (failure.getCause() instanceof AccountException e && e.kind() == AccountException.Kind.THROTTLED) {
                context.put(THROTTLED, Boolean.TRUE);
            }
        });
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        int status = Boolean.TRUE.equals(context.get(THROTTLED)) ? 429 : 401;
        return Uni.createFrom().item(new ChallengeData(status, null, null));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class, UsernamePasswordAuthenticationRequest.class,
                SessionAuthenticationRequest.class);
    }
}
