package dev.threadlab.store;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Activates exactly one of the two built-in datasources (and with it its persistence unit and Flyway) from the
 * run-time configuration. Quarkus fixes a datasource's driver at build time, so both are built in; an operator only
 * sets QUARKUS_DATASOURCE_JDBC_URL to a PostgreSQL URL and the H2 one goes quiet.
 */
public final class DatabaseChoice implements ConfigSourceFactory {
    static final String DEFAULT_URL = "quarkus.datasource.jdbc.url";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue url = context.getValue(DEFAULT_URL);
        DatabaseKind kind = DatabaseKind.forUrl(Optional.ofNullable(url == null ? null : url.getValue()));
        boolean postgres = kind == DatabaseKind.POSTGRESQL;
        Map<String, String> active = Map.of(
                "quarkus.datasource.active", String.valueOf(postgres),
                "quarkus.datasource.\"h2\".active", String.valueOf(!postgres),
                "quarkus.hibernate-orm.active", String.valueOf(postgres),
                "quarkus.hibernate-orm.\"h2\".active", String.valueOf(!postgres),
                "quarkus.flyway.active", String.valueOf(postgres),
                "quarkus.flyway.\"h2\".active", String.valueOf(!postgres),
                "threadlab.database.kind", kind.name());
        // Below application.properties (250) so that an explicit setting there or in the environment still wins.
        return List.of(new PropertiesConfigSource(active, "threadlab-database-choice", 200));
    }
}
