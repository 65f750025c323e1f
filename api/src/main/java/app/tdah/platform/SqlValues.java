package app.tdah.platform;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.helidon.dbclient.DbRow;

/** Instants to and from what Helidon's JDBC client binds and returns for {@code timestamptz}. */
public final class SqlValues {

    private SqlValues() {
    }

    public static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(DbRow row, String column) {
        return row.column(column).get(Timestamp.class).toInstant();
    }

    public static Instant nullableInstant(DbRow row, String column) {
        Timestamp value = row.column(column).get(Timestamp.class);
        return value == null ? null : value.toInstant();
    }
}
