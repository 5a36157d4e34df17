package dev.threadlab.store;

import io.quarkus.arc.InjectableInstance;
import io.quarkus.hibernate.orm.PersistenceUnit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

/** The one session every repository uses: that of whichever database is active (see {@link DatabaseChoice}). */
@ApplicationScoped
public class Database {
    private final DatabaseKind kind;
    private final InjectableInstance<Session> postgres;
    private final InjectableInstance<Session> h2;

    @Inject
    Database(@ConfigProperty(name = "threadlab.database.kind", defaultValue = "H2") DatabaseKind kind,
            InjectableInstance<Session> postgres, @PersistenceUnit("h2") InjectableInstance<Session> h2) {
        this.kind = kind;
        this.postgres = postgres;
        this.h2 = h2;
    }

    public DatabaseKind kind() {
        return kind;
    }

    /** The active database's session; call inside a transaction. */
    public Session session() {
        return (kind == DatabaseKind.POSTGRESQL ? postgres : h2).get();
    }
}
