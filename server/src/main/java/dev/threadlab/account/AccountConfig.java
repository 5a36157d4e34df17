package dev.threadlab.account;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Account rules an operator may tune. */
@ConfigMapping(prefix = "threadlab.accounts")
public interface AccountConfig {

    /** Shorter passwords are refused with a message that says the minimum. */
    @WithDefault("10")
    int passwordMinLength();

    /** How long a browser stays logged in. */
    @WithDefault("14d")
    Duration sessionLifetime();

    /** Failed log-ins per account, within the window, before the account's log-in answers 429. */
    @WithDefault("5")
    int failuresPerAccount();

    /** Failed log-ins per address, within the window, before that address's log-ins answer 429. */
    @WithDefault("20")
    int failuresPerAddress();

    @WithDefault("15m")
    Duration failureWindow();

    /** The first admin, created at start when both are set (and the name is free). There is no default. */
    Optional<String> adminUsername();

    Optional<String> adminPassword();
}
