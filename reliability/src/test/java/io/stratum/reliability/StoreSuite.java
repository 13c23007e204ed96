package io.stratum.reliability;

import io.stratum.Stratum;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** One migrated database per suite class, on the configuration a thin subclass names. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoreSuite {
    protected Store store;
    protected Stratum db;
    protected String url;

    protected abstract Store store();

    @BeforeAll
    void openStore() {
        store = store();
        url = store.freshUrl();
        db = Stratum.open(url);
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
