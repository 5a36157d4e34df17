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

    /**
     * PostgreSQL when the default datasource's URL names it, the embedded H2 when there is none; any other URL is a
     * mistake that would otherwise leave the server quietly on H2, so it stops the start with what to set.
     */
    public static DatabaseKind forUrl(Optional<String> defaultJdbcUrl) {
        String url = defaultJdbcUrl.map(String::strip).filter(u -> !u.isEmpty()).orElse(null);
        if (url == null) {
            return H2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("QUARKUS_DATASOURCE_JDBC_URL (quarkus.datasource.jdbc.url) must be a "
                + "jdbc:postgresql:// URL, or unset for the embedded H2 database under threadlab.data-dir; it is '"
                + url.replaceAll("password=[^&;]*", "password=…") + "'.");
    }
}
