package dev.threadlab.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.threadlab.store.Database;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Sessions and tokens in the real database: what is stored is a hash, and expired sessions go. */
@QuarkusTest
@Tag("persistence")
class CredentialsTest {

    @Inject
    Credentials credentials;
    @Inject
    Accounts accounts;
    @Inject
    Database database;

    @Test
    void onlyHashesAreStoredAndExpiredSessionsAreSweptAway() {
        Account account = accounts.signUp("sweep-" + System.nanoTime() % 1_000_000, TestAccounts.PASSWORD, null);
        String live = credentials.openSession(account);
        String expired = credentials.openSession(account);
        QuarkusTransaction.requiringNew().run(() -> {
            SessionRecord record = database.session().find(SessionRecord.class, Secrets.hash(expired));
            record.expiresAt = Instant.now().minusSeconds(1);
            assertEquals(null, database.session().find(SessionRecord.class, expired), "the secret itself is not a key");
        });
        assertTrue(credentials.bySession(expired).isEmpty(), "an expired session logs no one in");
        assertTrue(credentials.removeExpiredSessions() >= 1);
        assertTrue(credentials.bySession(live).isPresent(), "a live session stays");
        QuarkusTransaction.requiringNew().run(() -> assertEquals(null,
                database.session().find(SessionRecord.class, Secrets.hash(expired))));
    }
}
