package dev.threadlab.account;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The throttle's policy with a clock the test moves; no server needed. */
class LoginThrottleTest {
    private Instant now = Instant.parse("2026-12-01T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private static final AccountConfig CONFIG = new AccountConfig() {
        public int passwordMinLength() {
            return 10;
        }

        public Duration sessionLifetime() {
            return Duration.ofDays(14);
        }

        public int failuresPerAccount() {
            return 5;
        }

        public int failuresPerAddress() {
            return 20;
        }

        public Duration failureWindow() {
            return Duration.ofMinutes(15);
        }

        public Optional<String> adminUsername() {
            return Optional.empty();
        }

        public Optional<String> adminPassword() {
            return Optional.empty();
        }
    };

    @Test
    void fiveFailuresLockTheAccountForTheWindowFromAnyAddress() {
        LoginThrottle throttle = new LoginThrottle(CONFIG, clock);
        for (int i = 0; i < 5; i++) {
            throttle.checkAllowed("ada", "10.0.0." + i);
            throttle.failed("ada", "10.0.0." + i);
        }
        AccountException locked = assertThrows(AccountException.class, () -> throttle.checkAllowed("ada", "10.9.9.9"));
        assertEquals(AccountException.Kind.THROTTLED, locked.kind());
        assertDoesNotThrow(() -> throttle.checkAllowed("bo", "10.9.9.9"), "other accounts are not locked");
        now = now.plus(Duration.ofMinutes(16));
        assertDoesNotThrow(() -> throttle.checkAllowed("ada", "10.9.9.9"), "the lock ends with the window");
    }

    @Test
    void twentyFailuresFromOneAddressLockThatAddress() {
        LoginThrottle throttle = new LoginThrottle(CONFIG, clock);
        for (int i = 0; i < 20; i++) {
            throttle.failed("name-" + i, "10.0.0.1");
        }
        assertThrows(AccountException.class, () -> throttle.checkAllowed("anyone", "10.0.0.1"));
        assertDoesNotThrow(() -> throttle.checkAllowed("anyone", "10.0.0.2"));
    }

    @Test
    void aFloodOfInventedNamesDoesNotLiftALock() {
        LoginThrottle throttle = new LoginThrottle(CONFIG, clock, 100);
        for (int i = 0; i < 5; i++) {
            throttle.failed("ada", "10.0.0.1");
        }
        for (int i = 0; i < 1000; i++) {
            throttle.failed("invented-" + i, "10.1." + i / 250 + "." + i % 250);
        }
        assertThrows(AccountException.class, () -> throttle.checkAllowed("ada", "10.9.9.9"));
    }
}
