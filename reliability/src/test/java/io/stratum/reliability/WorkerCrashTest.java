package io.stratum.reliability;

import org.junit.jupiter.api.Nested;

class WorkerCrashTest {
    @Nested
    class SqliteFile extends WorkerCrashSuite {
        @Override
        protected Store store() {
            return Store.sqliteFile(Store.tempDirectory());
        }
    }

    @Nested
    class Postgres extends WorkerCrashSuite {
        @Override
        protected Store store() {
            return Store.postgres();
        }
    }
}
