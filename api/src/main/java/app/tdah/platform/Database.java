package app.tdah.platform;

import java.util.Map;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbClientService;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** The PostgreSQL connection settings, the Flyway migrations and the pooled Helidon DbClient built from them. */
public record Database(String jdbcUrl, String user, String password, int poolSize) {

    public MigrateResult migrate() {
        return Flyway.configure()
                .dataSource(jdbcUrl, user, password)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    /** The pooled client; services see every statement (tests count them). */
    public DbClient openClient(DbClientService... services) {
        Config db = Config.just(ConfigSources.create(Map.of(
                "source", "jdbc",
                "connection.url", jdbcUrl,
                "connection.username", user,
                "connection.password", password,
                "connection.maximumPoolSize", Integer.toString(poolSize),
                "connection.poolName", "pa-db")));
        DbClient.Builder builder = DbClient.builder(db);
        for (DbClientService service : services) {
            builder.addService(service);
        }
        return builder.build();
    }
}
