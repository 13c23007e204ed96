package io.stratum.bench;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * How the hand-written baseline binds Stratum's column types: native {@code uuid}, {@code timestamptz} and
 * {@code jsonb} on PostgreSQL; on SQLite the text forms Stratum stores (UUID text, UTC timestamps with
 * microseconds that sort as text, JSON as written).
 */
interface JdbcValues {

    /** The placeholder for a JSON parameter bound as a string. */
    String jsonParameter();

    void uuid(PreparedStatement ps, int index, UUID value) throws SQLException;

    void timestamp(PreparedStatement ps, int index, OffsetDateTime utc) throws SQLException;

    UUID readUuid(ResultSet rs, int index) throws SQLException;

    static JdbcValues of(BackendKind kind) {
        return kind == BackendKind.POSTGRESQL ? new Postgres() : new Sqlite();
    }

    final class Postgres implements JdbcValues {
        @Override
        public String jsonParameter() {
            return "CAST(? AS jsonb)";
        }

        @Override
        public void uuid(PreparedStatement ps, int index, UUID value) throws SQLException {
            ps.setObject(index, value);
        }

        @Override
        public void timestamp(PreparedStatement ps, int index, OffsetDateTime utc) throws SQLException {
            ps.setObject(index, utc);
        }

        @Override
        public UUID readUuid(ResultSet rs, int index) throws SQLException {
            return rs.getObject(index, UUID.class);
        }
    }

    final class Sqlite implements JdbcValues {
        private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx");

        @Override
        public String jsonParameter() {
            return "?";
        }

        @Override
        public void uuid(PreparedStatement ps, int index, UUID value) throws SQLException {
            ps.setString(index, value.toString());
        }

        @Override
        public void timestamp(PreparedStatement ps, int index, OffsetDateTime utc) throws SQLException {
            ps.setString(index, TEXT.format(utc));
        }

        @Override
        public UUID readUuid(ResultSet rs, int index) throws SQLException {
            return UUID.fromString(rs.getString(index));
        }
    }
}
