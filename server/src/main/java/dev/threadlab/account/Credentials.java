package dev.threadlab.account;

import dev.threadlab.message.Message;
import dev.threadlab.store.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.NewCookie;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/** Browser sessions and API tokens: bearer secrets handed out once and kept only as hashes. */
@ApplicationScoped
public class Credentials {
    static final String SESSION_PREFIX = "tls_";
    static final String TOKEN_PREFIX = "tlt_";
    private static final int MAX_TOKENS = 50;
    private static final int TOKEN_NAME_MAX = 100;

    private final Database database;
    private final AccountConfig config;
    private final Accounts accounts;

    @Inject
    Credentials(Database database, AccountConfig config, Accounts accounts) {
        this.database = database;
        this.config = config;
        this.accounts = accounts;
    }

    /** A new session's secret, for the cookie. */
    @Transactional
    public String openSession(Account account) {
        String secret = Secrets.newSecret(SESSION_PREFIX);
        SessionRecord record = new SessionRecord();
        record.secretHash = Secrets.hash(secret);
        record.userId = account.id();
        record.createdAt = Instant.now();
        record.expiresAt = record.createdAt.plus(config.sessionLifetime());
        session().persist(record);
        return secret;
    }

    /** Opens a session and returns the log-in cookie that carries it, living as long as the session. */
    public NewCookie sessionCookie(Account account, boolean secure) {
        return SessionCookie.of(openSession(account), (int) config.sessionLifetime().toSeconds(), secure);
    }

    @Transactional
    public void closeSession(String secret) {
        if (secret != null) {
            session().createMutationQuery("delete from SessionRecord where secretHash = :hash")
                    .setParameter("hash", Secrets.hash(secret)).executeUpdate();
        }
    }

    /** Deletes sessions past their expiry; returns how many. */
    @Transactional
    public int removeExpiredSessions() {
        return session().createMutationQuery("delete from SessionRecord where expiresAt < :now")
                .setParameter("now", Instant.now()).executeUpdate();
    }

    /** The account a session cookie belongs to, while it has not expired. */
    @Transactional
    public Optional<Account> bySession(String secret) {
        if (secret == null || !secret.startsWith(SESSION_PREFIX)) {
            return Optional.empty();
        }
        SessionRecord record = session().find(SessionRecord.class, Secrets.hash(secret));
        if (record == null || record.expiresAt.isBefore(Instant.now())) {
            return Optional.empty();
        }
        return accounts.byId(record.userId);
    }

    @Transactional
    public NewToken createToken(Account account, String name) {
        String label = name == null || name.isBlank() ? "token" : name.strip();
        if (label.length() > TOKEN_NAME_MAX) {
            throw new AccountException(AccountException.Kind.INVALID,
                    Message.of("account.tokenNameTooLong", "max", TOKEN_NAME_MAX));
        }
        if (tokens(account).size() >= MAX_TOKENS) {
            throw new AccountException(AccountException.Kind.INVALID,
                    Message.of("account.tooManyTokens", "max", MAX_TOKENS));
        }
        String secret = Secrets.newSecret(TOKEN_PREFIX);
        ApiToken token = new ApiToken();
        token.id = UUID.randomUUID().toString();
        token.userId = account.id();
        token.name = label;
        token.secretHash = Secrets.hash(secret);
        token.createdAt = Instant.now();
        session().persist(token);
        return new NewToken(token.id, secret);
    }

    @Transactional
    public List<TokenView> tokens(Account account) {
        return session().createSelectionQuery("from ApiToken where userId = :user order by createdAt", ApiToken.class)
                .setParameter("user", account.id()).getResultList().stream().map(TokenView::of).toList();
    }

    /** Revokes one of this account's tokens; another account's token is NOT_FOUND, as if it did not exist. */
    @Transactional
    public void revoke(Account account, String tokenId) {
        ApiToken token = session().find(ApiToken.class, tokenId == null ? "" : tokenId);
        if (token == null || !token.userId.equals(account.id())) {
            throw new AccountException(AccountException.Kind.NOT_FOUND,
                    Message.of("account.noSuchToken", "id", tokenId));
        }
        session().remove(token);
    }

    /** The account a bearer token acts as; a revoked or unknown token is empty. */
    @Transactional
    public Optional<Account> byToken(String secret) {
        if (secret == null || !secret.startsWith(TOKEN_PREFIX)) {
            return Optional.empty();
        }
        Optional<ApiToken> token = session()
                .createSelectionQuery("from ApiToken where secretHash = :hash", ApiToken.class)
                .setParameter("hash", Secrets.hash(secret)).uniqueResultOptional();
        token.ifPresent(t -> t.lastUsedAt = Instant.now());
        return token.flatMap(t -> accounts.byId(t.userId));
    }

    private Session session() {
        return database.session();
    }
}
