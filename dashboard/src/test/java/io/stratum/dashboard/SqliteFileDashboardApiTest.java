package io.stratum.dashboard;

/** The dashboard's endpoints on a SQLite file. */
class SqliteFileDashboardApiTest extends DashboardApiContract {
    SqliteFileDashboardApiTest() {
        super("sqlite-file");
    }
}
