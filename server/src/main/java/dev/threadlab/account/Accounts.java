package dev.threadlab.account;

import dev.threadlab.message.Message;
import dev.threadlab.store.Database;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hibernate.Session;

/** Creates accounts and checks passwords; every write is one transaction. */
@ApplicationScoped
public class Accounts {
    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._-]{2,40}");
    private static final int PASSWORD_MAX = 128;
    // bcrypt's cost: 10 takes about 70 ms here, enough to slow guessing and fast enough for a class logging in at once.
    private static final int BCRYPT_COST = 10;
    // Compared against when the name is unknown, so that a missing account takes as long as a wrong password.
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash("threadlab-no-such-user", BCRYPT_COST);

    private final Database database;
    private final AccountConfig config;
    private final LoginThrottle throttle;
    private final Event<AccountCreated> created;

    @Inject
    Accounts(Database database, AccountConfig config, LoginThrottle throttle, Event<AccountCreated> created) {
        this.database = database;
        this.config = config;
        this.throttle = throttle;
        this.created = created;
    }

    /** A new learner; the browser's anonymous work (if any) follows them. */
    @Transactional
    public Account signUp(String username, String password, String anonymousLearnerId) {
        UserAccount user = create(username, password, EnumSet.of(Role.LEARNER));
        if (anonymousLearnerId != null) {
            created.fire(new AccountCreated(user.id, anonymousLearnerId));
        }
        return Account.of(user);
    }

    /** The account these credentials name, or UNAUTHENTICATED; THROTTLED after repeated failures. */
    @Transactional
    public Account logIn(String username, String password, String address) {
        String key = UserAccount.keyOf(username == null ? "" : username);
        throttle.checkAllowed(key, address);
        Optional<UserAccount> user = byKey(key);
        String hash = user.map(u -> u.passwordHash).orElse(DUMMY_HASH);
        if (password == null || !BcryptUtil.matches(password, hash) || user.isEmpty()) {
            throttle.failed(key, address);
            throw new AccountException(AccountException.Kind.UNAUTHENTICATED, Message.of("account.wrongPassword"));
        }
        throttle.succeeded(key);
        return Account.of(user.get());
    }

    @Transactional
    public Optional<Account> byId(String id) {
        return Optional.ofNullable(session().find(UserAccount.class, id)).map(Account::of);
    }

    @Transactional
    public Optional<Account> byUsername(String username) {
        return byKey(UserAccount.keyOf(username)).map(Account::of);
    }

    @Transactional
    public List<Account> all() {
        return session().createSelectionQuery("from UserAccount order by usernameKey", UserAccount.class)
                .getResultList().stream().map(Account::of).toList();
    }

    /** Adds a role (admins make instructors). */
    @Transactional
    public Account grant(String username, Role role) {
        UserAccount user = byKey(UserAccount.keyOf(username)).orElseThrow(() -> new AccountException(
                AccountException.Kind.NOT_FOUND, Message.of("account.noSuchUser", "username", username)));
        user.roles.add(role);
        return Account.of(user);
    }

    /** Creates the configured admin at start, or promotes the existing account of that name. */
    @Transactional
    public Optional<Account> ensureAdmin(String username, String password) {
        Optional<UserAccount> existing = byKey(UserAccount.keyOf(username));
        if (existing.isPresent()) {
            existing.get().roles.add(Role.ADMIN);
            return existing.map(Account::of);
        }
        return Optional.of(Account.of(create(username, password, EnumSet.of(Role.LEARNER, Role.INSTRUCTOR,
                Role.ADMIN))));
    }

    private UserAccount create(String username, String password, EnumSet<Role> roles) {
        String name = username == null ? "" : username.strip();
        if (!USERNAME.matcher(name).matches()) {
            throw new AccountException(AccountException.Kind.INVALID, Message.of("account.badUsername"));
        }
        checkPassword(password);
        if (byKey(UserAccount.keyOf(name)).isPresent()) {
            throw new AccountException(AccountException.Kind.TAKEN,
                    Message.of("account.usernameTaken", "username", name));
        }
        UserAccount user = new UserAccount();
        user.id = UUID.randomUUID().toString();
        user.username = name;
        user.usernameKey = UserAccount.keyOf(name);
        user.passwordHash = BcryptUtil.bcryptHash(password, BCRYPT_COST);
        user.createdAt = Instant.now();
        user.roles = roles;
        session().persist(user);
        return user;
    }

    private void checkPassword(String password) {
        if (password == null || password.length() < config.passwordMinLength()) {
            throw new AccountException(AccountException.Kind.INVALID,
                    Message.of("account.passwordTooShort", "min", config.passwordMinLength()));
        }
        if (password.length() > PASSWORD_MAX) {
            throw new AccountException(AccountException.Kind.INVALID,
                    Message.of("account.passwordTooLong", "max", PASSWORD_MAX));
        }
    }

    private Optional<UserAccount> byKey(String key) {
        return session().createSelectionQuery("from UserAccount where usernameKey = :key", UserAccount.class)
                .setParameter("key", key).uniqueResultOptional();
    }

    private Session session() {
        return database.session();
    }
}
