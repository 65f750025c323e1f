package app.tdah.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Plain JDBC on a running server's own database: for rows a test needs that no API makes yet. */
public final class TestSql implements AutoCloseable {

    private final Connection connection;

    private TestSql(Connection connection) {
        this.connection = connection;
    }

    public static TestSql connect(String jdbcUrl) {
        try {
            return new TestSql(TestServices.connect(jdbcUrl));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs one statement; parameters are bound with setObject (UUID, String[], LocalDate, OffsetDateTime, ...). */
    public void update(String sql, Object... parameters) {
        try (PreparedStatement statement = prepare(sql, parameters)) {
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The single value the query returns, or null when it returns no row. */
    public <T> T value(Class<T> type, String sql, Object... parameters) {
        try (PreparedStatement statement = prepare(sql, parameters); ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getObject(1, type) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of every row the query returns. */
    public <T> List<T> column(Class<T> type, String sql, Object... parameters) {
        try (PreparedStatement statement = prepare(sql, parameters); ResultSet rows = statement.executeQuery()) {
            List<T> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getObject(1, type));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public UUID userId(String email) {
        return value(UUID.class, "SELECT id FROM users WHERE email = ?", email);
    }

    private PreparedStatement prepare(String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
