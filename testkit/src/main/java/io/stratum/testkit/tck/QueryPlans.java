package io.stratum.testkit.tck;

import io.stratum.Stratum;
import java.util.List;
import org.jooq.Query;

/** How a backend explains its query plans, for {@link QueryPlanContract}. */
public interface QueryPlans {

    /** The lines of the plan the database would run {@code query} with, bind values as in production. */
    List<String> plan(Stratum store, Query query);

    /** Whether a plan line reads a whole table (a sequential or full scan). */
    boolean isFullScan(String planLine);

    /**
     * Brings the planner's statistics into the state this backend's databases are usually in after a bulk
     * load: {@code ANALYZE}, as PostgreSQL's autovacuum does on its own. A database that gathers no statistics
     * unless the application asks (SQLite) overrides this to do nothing.
     */
    default void collectStatistics(Stratum store) {
        store.dsl().execute("analyze");
    }
}
