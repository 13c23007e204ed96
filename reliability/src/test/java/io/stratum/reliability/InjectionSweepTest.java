package io.stratum.reliability;

import org.junit.jupiter.api.Nested;

class InjectionSweepTest {
    @Nested
    class SqliteMemory extends InjectionSweep {
        @Override
        protected Store store() {
            return Store.sqliteMemory();
        }
    }

    @Nested
    class SqliteFile extends InjectionSweep {
        @Override
        protected Store store() {
            return Store.sqliteFile(Store.tempDirectory());
        }
    }

    @Nested
    class Postgres extends InjectionSweep {
        @Override
        protected Store store() {
            return Store.postgres();
        }
    }
}
