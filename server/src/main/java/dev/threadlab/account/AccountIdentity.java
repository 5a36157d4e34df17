package dev.threadlab.account;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.util.Optional;

/** Carries an {@link Account} inside Quarkus's security identity, with its roles as role names. */
public final class AccountIdentity {
    static final String ATTRIBUTE = "threadlab.account";

    private AccountIdentity() {
    }

    static SecurityIdentity of(Account account) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(account.username())).addAttribute(ATTRIBUTE, account);
        account.roles().forEach(role -> builder.addRole(role.roleName()));
        return builder.build();
    }

    public static Optional<Account> account(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous() ? Optional.empty()
                : Optional.ofNullable(identity.getAttribute(ATTRIBUTE));
    }
}
