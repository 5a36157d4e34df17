package dev.threadlab.account;

import dev.threadlab.message.Message;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed log-ins per account and per address in a sliding window. Past the limit, the password is not even
 * checked: guessing costs the attacker a 429, and a lucky guess during the lock-out gains nothing.
 */
@ApplicationScoped
public class LoginThrottle {
    private static final int MAX_TRACKED = 100_000;
    private final int maxTracked;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final AccountConfig config;
    private final Clock clock;

    @Inject
    public LoginThrottle(AccountConfig config) {
        this(config, Clock.systemUTC());
    }

    LoginThrottle(AccountConfig config, Clock clock) {
        this(config, clock, MAX_TRACKED);
    }

    LoginThrottle(AccountConfig config, Clock clock, int maxTracked) {
        this.config = config;
        this.clock = clock;
        this.maxTracked = maxTracked;
    }

    /** Throws THROTTLED when this account or this address failed too often lately. */
    public void checkAllowed(String usernameKey, String address) {
        if (recent("user:" + usernameKey) >= config.failuresPerAccount()
                || recent("addr:" + address) >= config.failuresPerAddress()) {
            throw new AccountException(AccountException.Kind.THROTTLED,
                    Message.of("account.throttled", "minutes", config.failureWindow().toMinutes()));
        }
    }

    public void failed(String usernameKey, String address) {
        if (failures.size() > maxTracked) {
            forgetQuietKeys(); // a flood of invented names must not exhaust memory
        }
        if (failures.size() <= maxTracked || failures.containsKey("user:" + usernameKey)) {
            record("user:" + usernameKey); // beyond the bound only addresses are counted, and those still lock
        }
        record("addr:" + address);
    }

    /**
     * Drops the counters with no failure in the window. Clearing them all instead would let a flood of invented
     * names lift the lock on the account under attack.
     */
    private void forgetQuietKeys() {
        failures.keySet().removeIf(key -> recent(key) == 0);
    }

    public void succeeded(String usernameKey) {
        failures.remove("user:" + usernameKey);
    }

    private int recent(String key) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            Instant oldest = clock.instant().minus(config.failureWindow());
            while (!times.isEmpty() && times.peekFirst().isBefore(oldest)) {
                times.pollFirst();
            }
            return times.size();
        }
    }

    private void record(String key) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(clock.instant());
            if (times.size() > 1000) {
                times.pollFirst();
            }
        }
    }
}
