package io.stratum.reliability;

import org.junit.jupiter.api.Nested;

class BadInputTest {
    @Nested
    class SqliteMemory extends BadInputSuite {
        @Override
        protected String testDatabaseService() {
            return "sqlite-memory";
        }
    }

    @Nested
    class SqliteFile extends BadInputSuite {
        @Override
        protected String testDatabaseService() {
            return "sqlite-file";
        }
    }

    @Nested
    class Postgres extends BadInputSuite {
        @Override
        protected String testDatabaseService() {
            return "postgresql";
        }
    }

    @Nested
    class MariaDb extends BadInputSuite {
        @Override
        protected String testDatabaseService() {
            return "mariadb";
        }
    }
}
