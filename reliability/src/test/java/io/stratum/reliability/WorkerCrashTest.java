package io.stratum.reliability;

import org.junit.jupiter.api.Nested;

class WorkerCrashTest {
    @Nested
    class SqliteFile extends WorkerCrashSuite {
        @Override
        protected String testDatabaseService() {
            return "sqlite-file";
        }
    }

    @Nested
    class Postgres extends WorkerCrashSuite {
        @Override
        protected String testDatabaseService() {
            return "postgresql";
        }
    }

    @Nested
    class MariaDb extends WorkerCrashSuite {
        @Override
        protected String testDatabaseService() {
            return "mariadb";
        }
    }
}
