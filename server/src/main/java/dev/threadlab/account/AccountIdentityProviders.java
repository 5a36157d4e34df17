package dev.threadlab.account;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Supplier;

/** Turns each kind of credential into an account, off the event loop because each needs the database. */
final class AccountIdentityProviders {

    private AccountIdentityProviders() {
    }

    private static Uni<SecurityIdentity> blocking(AuthenticationRequestContext context,
            Supplier<Optional<Account>> lookup) {
        return context.runBlocking(() -> lookup.get().map(AccountIdentity::of)
                .orElseThrow(() -> new AuthenticationFailedException("unknown or revoked credentials")));
    }

    @ApplicationScoped
    static class Tokens implements IdentityProvider<TokenAuthenticationRequest> {
        @Inject
        Credentials credentials;

        @Override
        public Class<TokenAuthenticationRequest> getRequestType() {
            return TokenAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request,
                AuthenticationRequestContext context) {
            return blocking(context, () -> credentials.byToken(request.getToken().getToken()));
        }
    }

    @ApplicationScoped
    static class Sessions implements IdentityProvider<SessionAuthenticationRequest> {
        @Inject
        Credentials credentials;

        @Override
        public Class<SessionAuthenticationRequest> getRequestType() {
            return SessionAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(SessionAuthenticationRequest request,
                AuthenticationRequestContext context) {
            return blocking(context, () -> credentials.bySession(request.secret()));
        }
    }

    @ApplicationScoped
    static class Passwords implements IdentityProvider<UsernamePasswordAuthenticationRequest> {
        @Inject
        Accounts accounts;

        @Override
        public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
            return UsernamePasswordAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                AuthenticationRequestContext context) {
            String address = String.valueOf((Object) request.getAttribute(AccountAuthentication.ADDRESS));
            String password = new String(request.getPassword().getPassword());
            return context.runBlocking(() -> {
                try {
                    return AccountIdentity.of(accounts.logIn(request.getUsername(), password, address));
                } catch (AccountException e) {
                    throw new AuthenticationFailedException(e.getMessage(), e);
                }
            });
        }
    }
}
