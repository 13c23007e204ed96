package io.stratum.reliability;

import org.junit.jupiter.api.Nested;

class InjectionSweepTest {
    @Nested
    class SqliteMemory extends InjectionSweep {
        @Override
        protected String testDatabaseService() {
            return "sqlite-memory";
        }
    }

    @Nested
    class SqliteFile extends InjectionSweep {
        @Override
        protected String testDatabaseService() {
            return "sqlite-file";
        }
    }

    @Nested
    class Postgres extends InjectionSweep {
        @Override
        protected String testDatabaseService() {
            return "postgresql";
        }
    }

    @Nested
    class MariaDb extends InjectionSweep {
        @Override
        protected String testDatabaseService() {
            return "mariadb";
        }
    }
}
