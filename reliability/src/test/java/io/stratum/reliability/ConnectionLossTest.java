package io.stratum.reliability;

import java.sql.SQLException;
import org.junit.jupiter.api.Nested;

class ConnectionLossTest {
    /** {@code pg_terminate_backend} on every other backend of the database. */
    @Nested
    class Postgres extends ConnectionLossSuite {
        @Override
        protected String testDatabaseService() {
            return "postgresql";
        }

        @Override
        protected ConnectionCutter cutter(String url) throws SQLException {
            return new Terminator(url);
        }
    }

    /** {@code KILL CONNECTION} on every other connection to the database. */
    @Nested
    class MariaDb extends ConnectionLossSuite {
        @Override
        protected String testDatabaseService() {
            return "mariadb";
        }

        @Override
        protected ConnectionCutter cutter(String url) throws SQLException {
            return new MariaDbKiller(url);
        }
    }
}
