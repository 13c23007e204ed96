package io.stratum.reliability;

import io.stratum.Stratum;
import io.stratum.testkit.tck.ScratchDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** One migrated database per suite class, from the test database service a thin subclass names. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoreSuite {
    protected ScratchDatabases store;
    protected Stratum db;
    protected String url;

    /** The name of the test database service, e.g. {@code sqlite-file}. */
    protected abstract String testDatabaseService();

    @BeforeAll
    void openStore() {
        store = ScratchDatabases.of(testDatabaseService());
        url = store.freshUrl();
        db = Stratum.open(url);
        migrate();
    }

    /** Migrates {@link #db}; a configuration whose connections cannot hold a session migrates over a direct one. */
    protected void migrate() {
        db.migrate();
    }

    @AfterAll
    void closeStore() {
        if (db != null) {
            db.close();
        }
        if (store != null) {
            store.close();
        }
    }
}
