package io.stratum.dashboard;

/** The dashboard's endpoints on PostgreSQL, a database of their own. */
class PostgresDashboardApiTest extends DashboardApiContract {
    PostgresDashboardApiTest() {
        super("postgresql");
    }
}
