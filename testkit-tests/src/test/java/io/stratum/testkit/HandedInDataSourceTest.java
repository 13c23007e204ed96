package io.stratum.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.stratum.Stratum;
import io.stratum.task.NewTask;
import io.stratum.task.TaskFilters;
import io.stratum.testkit.tck.ScratchDatabases;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/**
 * A suite hands in a DataSource of a database it owns, with a table of its own: every test starts from Stratum's
 * tables migrated and empty, the suite's table keeps its row, and the DataSource still works after the tests.
 */
class HandedInDataSourceTest {
    private static DataSource handedIn;

    /** Two tests that each find an empty queue, submit, and leave a task behind. */
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    abstract static class TwoTests {
        @Test
        @Order(1)
        void first(Stratum db) throws SQLException {
            assertEmptyThenSubmit(db);
        }

        @Test
        @Order(2)
        void second(Stratum db) throws SQLException {
            assertEmptyThenSubmit(db);
        }

        private static void assertEmptyThenSubmit(Stratum db) throws SQLException {
            assertThat(db.tasks().count(TaskFilters.all())).isZero();
            assertThat(invoices()).isEqualTo(1);
            db.tasks().submit(NewTask.builder("left behind", "tester").build());
            assertThat(db.tasks().count(TaskFilters.all())).isEqualTo(1);
        }
    }

    static class OnSqlite extends TwoTests {
        @RegisterExtension
        static final StratumExtension STRATUM = StratumExtension.on(handedIn, SQLDialect.SQLITE);
    }

    static class OnPostgres extends TwoTests {
        @RegisterExtension
        static final StratumExtension STRATUM = StratumExtension.on(handedIn, SQLDialect.POSTGRES);
    }

    private static ScratchDatabases postgres;

    @AfterAll
    static void dropScratchDatabases() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void sqliteFileTestsTakeTurnsOnTheHandedInDatabase() throws Exception {
        SQLiteDataSource sqlite = new SQLiteDataSource();
        sqlite.setUrl("jdbc:sqlite:" + Files.createTempDirectory("handed-in").resolve("app.db"));
        runTwice(sqlite, OnSqlite.class);
    }

    @Test
    void postgresTestsTakeTurnsOnTheHandedInDatabase() throws Exception {
        postgres = ScratchDatabases.of("postgresql");
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setUrl(postgres.freshUrl());
        runTwice(pg, OnPostgres.class);
    }

    private static void runTwice(DataSource dataSource, Class<?> tests) throws SQLException {
        handedIn = dataSource;
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)");
            s.execute("INSERT INTO invoices (id) VALUES (1)");
        }
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(tests))
                .enableImplicitConfigurationParameters(false)
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.succeeded(2).failed(0));
        try (Stratum after =
                Stratum.open(dataSource, tests == OnSqlite.class ? SQLDialect.SQLITE : SQLDialect.POSTGRES)) {
            assertThat(after.tasks().count(TaskFilters.all()))
                    .as("the last test's task stays for the suite to look at")
                    .isEqualTo(1);
        }
        assertThat(invoices()).isEqualTo(1);
    }

    private static int invoices() throws SQLException {
        try (Connection c = handedIn.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM invoices")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
