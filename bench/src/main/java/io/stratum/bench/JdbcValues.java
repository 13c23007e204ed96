package io.stratum.bench;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * How the hand-written baseline binds Stratum's column types: native {@code uuid}, {@code timestamptz} and
 * {@code jsonb} on PostgreSQL; on MariaDB native {@code UUID}, {@code DATETIME(6)} holding UTC (the sessions run
 * in UTC) and {@code JSON}, which is text; on SQLite the text forms Stratum stores (UUID text, UTC timestamps with
 * microseconds that sort as text, JSON as written).
 */
interface JdbcValues {

    /** The placeholder for a JSON parameter bound as a string. */
    String jsonParameter();

    void uuid(PreparedStatement ps, int index, UUID value) throws SQLException;

    void timestamp(PreparedStatement ps, int index, OffsetDateTime utc) throws SQLException;

    UUID readUuid(ResultSet rs, int index) throws SQLException;

    static JdbcValues of(BackendKind kind) {
        return switch (kind) {
            case SQLITE -> new Sqlite();
            case POSTGRESQL -> new Postgres();
            case MARIADB -> new MariaDb();
        };
    }

    /** A driver that binds and reads {@link UUID} itself, into a column of a UUID type. */
    abstract class NativeUuids implements JdbcValues {
        @Override
        public void uuid(PreparedStatement ps, int index, UUID value) throws SQLException {
            ps.setObject(index, value);
        }

        @Override
        public UUID readUuid(ResultSet rs, int index) throws SQLException {
            return rs.getObject(index, UUID.class);
        }
    }

    final class Postgres extends NativeUuids {
        @Override
        public String jsonParameter() {
            return "CAST(? AS jsonb)";
        }

        @Override
        public void timestamp(PreparedStatement ps, int index, OffsetDateTime utc) throws SQLException {
            ps.setObject(index, utc);
        }
    }

    /** {@code DATETIME(6)} has no zone: the UTC wall-clock time goes in as it is. */
    final class MariaDb extends NativeUuids {
        @Override
        public String jsonParameter() {
            return "?";
        }

        @Override
        public void timestamp(PreparedStatement ps, int index, OffsetDateTime utc) throws SQLException {
            ps.setObject(index, utc.toLocalDateTime());
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
