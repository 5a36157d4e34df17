package dev.threadlab.store;

import java.util.Optional;

/** The databases the packaged server can keep its state in, each with the datasource and persistence unit it uses. */
public enum DatabaseKind {
    /** The embedded default: an H2 file under threadlab.data-dir. */
    H2("h2"),
    /** Chosen at run time by a jdbc:postgresql: URL in quarkus.datasource.jdbc.url. */
    POSTGRESQL("<default>");

    private final String unitName;

    DatabaseKind(String unitName) {
        this.unitName = unitName;
    }

    /** The Quarkus datasource and persistence unit name. */
    public String unitName() {
        return unitName;
    }

    /** PostgreSQL when the default datasource's URL names it, else the embedded H2. */
    public static DatabaseKind forUrl(Optional<String> defaultJdbcUrl) {
        return defaultJdbcUrl.filter(url -> url.startsWith("jdbc:postgresql:")).isPresent() ? POSTGRESQL : H2;
    }
}
