package dev.threadlab.account;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Expired sessions are refused anyway; removing them keeps the table as small as the number of logged-in browsers. */
@ApplicationScoped
public class SessionSweeper {
    private final Credentials credentials;

    SessionSweeper(Credentials credentials) {
        this.credentials = credentials;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void removeExpiredSessions() {
        credentials.removeExpiredSessions();
    }
}
