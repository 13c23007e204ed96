package io.stratum.dashboard;

/** The dashboard in a browser, on PostgreSQL. */
class PostgresDashboardBrowserTest extends DashboardBrowserContract {
    PostgresDashboardBrowserTest() {
        super("postgresql");
    }
}
