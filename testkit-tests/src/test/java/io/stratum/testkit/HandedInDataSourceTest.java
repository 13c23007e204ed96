package io.stratum.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.stratum.InvalidInput;
import io.stratum.Stratum;
import io.stratum.TransactionOptions;
import io.stratum.queue.QueueStats;
import io.stratum.task.NewTask;
import io.stratum.task.Task;
import io.stratum.task.TaskFilters;
import io.stratum.task.TaskId;
import io.stratum.testkit.tck.ScratchDatabases;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * tables migrated and empty, the suite's table keeps its row, and the DataSource still works after the tests. A
 * MariaDB pool needs no settings of Stratum's own ({@code allowMultiQueries}, a UTC session); a pool whose
 * connections are not in auto-commit mode is refused with {@link InvalidInput}.
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

    static class OnMariaDb extends TwoTests {
        @RegisterExtension
        static final StratumExtension STRATUM = StratumExtension.on(handedIn, SQLDialect.MARIADB);
    }

    private static ScratchDatabases postgres;
    private static ScratchDatabases mariadb;

    @AfterAll
    static void dropScratchDatabases() {
        if (postgres != null) {
            postgres.close();
        }
        if (mariadb != null) {
            mariadb.close();
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

    @Test
    void mariadbTestsTakeTurnsOnAHikariPoolWithoutAllowMultiQueries() throws Exception {
        try (HikariDataSource pool = mariadbPool(null, true)) {
            runTwice(pool, OnMariaDb.class);
        }
    }

    /**
     * What needs a transaction with other than the default options ({@code SET TRANSACTION} before
     * {@code START TRANSACTION}) works on a pool without {@code allowMultiQueries}: the queue's statistics, a
     * SERIALIZABLE transaction and a read-only one. The session's time zone is not UTC: timestamps still hold.
     */
    @Test
    void aMariaDbPoolWithoutAllowMultiQueriesRunsStatsSerializableAndReadOnlyTransactions() {
        try (HikariDataSource pool = mariadbPool("SET time_zone = '+05:00'", true);
                Stratum db = Stratum.open(pool, SQLDialect.MARIADB)) {
            assertThat(pool.getJdbcUrl()).doesNotContainIgnoringCase("allowMultiQueries");
            db.migrate();
            Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            TaskId submitted = db.tasks()
                    .submit(NewTask.builder("due an hour ago", "coder")
                            .runAfter(before.minus(Duration.ofHours(1)))
                            .build());
            db.tasks()
                    .submit(NewTask.builder("due in an hour", "coder")
                            .runAfter(before.plus(Duration.ofHours(1)))
                            .build());
            QueueStats stats = db.queue().stats();
            assertThat(stats.readyDue()).isEqualTo(1);
            assertThat(stats.readyDelayed()).isEqualTo(1);
            TaskId serializable = db.transactionResult(
                    TransactionOptions.SERIALIZABLE,
                    tx -> tx.tasks()
                            .submit(NewTask.builder("serializable", "coder").build()));
            long counted = db.transactionResult(
                    TransactionOptions.READ_ONLY, tx -> tx.tasks().count(TaskFilters.all()));
            assertThat(counted).isEqualTo(3);
            Task task = db.tasks().require(submitted);
            assertThat(task.submittedAt().toInstant())
                    .as("stored as UTC whatever the session's time zone")
                    .isBetween(before.minusSeconds(5), Instant.now().plusSeconds(5));
            assertThat(db.queue().claim("w", 10, Duration.ofMinutes(1)))
                    .extracting(claimed -> claimed.task().id())
                    .as("the delayed task is not claimable yet")
                    .containsExactlyInAnyOrder(submitted, serializable);
        }
    }

    @Test
    void poolsWhoseConnectionsAreNotInAutoCommitModeAreRefused() {
        try (HikariDataSource pool = mariadbPool(null, false)) {
            assertThatThrownBy(() -> Stratum.open(pool, SQLDialect.MARIADB))
                    .isInstanceOf(InvalidInput.class)
                    .hasMessageContaining("autoCommit=true");
        }
        postgres = postgres != null ? postgres : ScratchDatabases.of("postgresql");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.freshUrl());
        config.setAutoCommit(false);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            assertThatThrownBy(() -> Stratum.open(pool, SQLDialect.POSTGRES))
                    .isInstanceOf(InvalidInput.class)
                    .hasMessageContaining("autoCommit=true");
        }
    }

    /** A HikariCP pool on a fresh MariaDB database, with the URL as the testkit gives it, and no Stratum settings. */
    private static HikariDataSource mariadbPool(String connectionInitSql, boolean autoCommit) {
        mariadb = mariadb != null ? mariadb : ScratchDatabases.of("mariadb");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(mariadb.freshUrl());
        config.setMaximumPoolSize(4);
        config.setAutoCommit(autoCommit);
        if (connectionInitSql != null) {
            config.setConnectionInitSql(connectionInitSql);
        }
        return new HikariDataSource(config);
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
        SQLDialect dialect = tests == OnSqlite.class
                ? SQLDialect.SQLITE
                : tests == OnMariaDb.class ? SQLDialect.MARIADB : SQLDialect.POSTGRES;
        try (Stratum after = Stratum.open(dataSource, dialect)) {
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
