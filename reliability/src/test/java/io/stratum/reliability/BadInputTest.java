package io.stratum.reliability;

import org.junit.jupiter.api.Nested;

class BadInputTest {
    @Nested
    class SqliteMemory extends BadInputSuite {
        @Override
        protected Store store() {
            return Store.sqliteMemory();
        }
    }

    @Nested
    class SqliteFile extends BadInputSuite {
        @Override
        protected Store store() {
            return Store.sqliteFile(Store.tempDirectory());
        }
    }

    @Nested
    class Postgres extends BadInputSuite {
        @Override
        protected Store store() {
            return Store.postgres();
        }
    }
}
