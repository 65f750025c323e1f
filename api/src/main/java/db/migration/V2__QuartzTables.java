package db.migration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Creates Quartz's JDBC job store tables from the DDL that the Quartz jar itself ships, so the schema always matches
 * the Quartz version on the classpath, then seeds the cluster's lock rows.
 */
public class V2__QuartzTables extends BaseJavaMigration {

    private static final String QUARTZ_DDL = "org/quartz/impl/jdbcjobstore/tables_postgres.sql";
    /** Must equal org.quartz.scheduler.instanceName in app.tdah.jobs.JobScheduler. */
    private static final String SCHEDULER_NAME = "personal-assistant";

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            for (String sql : statements(readDdl())) {
                statement.execute(sql);
            }
            for (String lock : List.of("TRIGGER_ACCESS", "STATE_ACCESS")) {
                statement.execute("INSERT INTO qrtz_locks (sched_name, lock_name) VALUES ('"
                        + SCHEDULER_NAME + "', '" + lock + "')");
            }
        }
    }

    private static String readDdl() throws IOException {
        try (InputStream in = V2__QuartzTables.class.getClassLoader().getResourceAsStream(QUARTZ_DDL)) {
            if (in == null) {
                throw new IllegalStateException(QUARTZ_DDL + " is missing from the classpath (quartz jar)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Splits the script into statements, dropping comments and its trailing COMMIT (Flyway owns the transaction). */
    static List<String> statements(String script) {
        String withoutComments = script.lines()
                .filter(line -> !line.trim().startsWith("--"))
                .reduce("", (a, b) -> a + "\n" + b);
        return Arrays.stream(withoutComments.split(";"))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .filter(s -> !s.equalsIgnoreCase("COMMIT"))
                .toList();
    }
}
