package io.stratum.reliability;

import org.junit.jupiter.api.Nested;

class ExpandContractTest {
    @Nested
    class SqliteFile extends ExpandContractSuite {
        @Override
        protected String testDatabaseService() {
            return "sqlite-file";
        }
    }

    @Nested
    class Postgres extends ExpandContractSuite {
        @Override
        protected String testDatabaseService() {
            return "postgresql";
        }
    }
}
