package dev.threadlab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseKindTest {

    @Test
    void noUrlIsTheEmbeddedDatabaseAndAPostgresUrlIsPostgres() {
        assertEquals(DatabaseKind.H2, DatabaseKind.forUrl(Optional.empty()));
        assertEquals(DatabaseKind.H2, DatabaseKind.forUrl(Optional.of("  ")));
        assertEquals(DatabaseKind.POSTGRESQL, DatabaseKind.forUrl(Optional.of("jdbc:postgresql://db:5432/threadlab")));
    }

    @Test
    void anyOtherUrlStopsTheStartWithWhatToSetAndNoPassword() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DatabaseKind.forUrl(Optional.of("jdbc:mysql://db/threadlab?password=secret")));
        assertTrue(e.getMessage().contains("jdbc:postgresql://"), e.getMessage());
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }
}
