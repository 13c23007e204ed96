package io.stratum.dashboard;

/** The dashboard in a browser, on a SQLite file. */
class SqliteFileDashboardBrowserTest extends DashboardBrowserContract {
    SqliteFileDashboardBrowserTest() {
        super("sqlite-file");
    }
}
