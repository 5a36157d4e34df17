package dev.threadlab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The database in use is the one the run-time configuration names: PostgreSQL when QUARKUS_DATASOURCE_JDBC_URL is a
 * PostgreSQL URL (the postgresql execution), else the embedded H2; and the migrations ran on it.
 */
@QuarkusTest
@Tag("persistence")
class ActiveDatabaseTest {

    @Inject
    Database database;

    @Test
    @Transactional
    void theConfiguredDatabaseIsTheOneThatAnswers() {
        String url = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        boolean postgres = url != null && url.startsWith("jdbc:postgresql:");
        assertEquals(postgres ? DatabaseKind.POSTGRESQL : DatabaseKind.H2, database.kind());
        String product = database.session().doReturningWork(c -> c.getMetaData().getDatabaseProductName());
        assertEquals(postgres ? "PostgreSQL" : "H2", product);
        Object failed = database.session()
                .createNativeQuery("select count(*) from \"flyway_schema_history\" where \"success\" = false")
                .getSingleResult();
        assertEquals(0, ((Number) failed).intValue(), "every migration succeeded");
        database.session().createNativeQuery("select count(*) from app_user").getSingleResult();
    }
}
