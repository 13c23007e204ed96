package io.stratum.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.stratum.ConstraintViolation;
import io.stratum.InvalidInput;
import io.stratum.Stratum;
import io.stratum.task.NewTask;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A HikariCP pool the application configured with sqlite-jdbc's defaults (foreign keys off, rollback journal,
 * busy timeout 3 s), handed to {@code Stratum.open(DataSource, SQLDialect)}.
 */
class SqliteAdoptedPoolTest {
    private static final int POOL_SIZE = 3;

    @TempDir
    Path dir;

    private HikariDataSource applicationPool(String file, Consumer<HikariConfig> settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:sqlite:" + dir.resolve(file));
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(POOL_SIZE);
        settings.accept(config);
        return new HikariDataSource(config);
    }

    @Test
    void everyConnectionStratumTakesFromAnAdoptedPoolCarriesItsSettings() throws SQLException {
        try (HikariDataSource pool = applicationPool("adopted.db", c -> {})) {
            try (Connection c = pool.getConnection()) {
                assertThat(pragma(c, "foreign_keys"))
                        .as("the pool's own setting")
                        .isEqualTo("0");
                assertThat(pragma(c, "journal_mode"))
                        .as("the pool's own setting")
                        .isEqualTo("delete");
                assertThat(pragma(c, "busy_timeout"))
                        .as("the pool's own setting")
                        .isEqualTo("3000");
            }
            try (Stratum db = Stratum.open(pool, SQLDialect.SQLITE)) {
                usesItsSettings(db);
            }
        }
    }

    private static void usesItsSettings(Stratum db) throws SQLException {
        db.migrate();
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < POOL_SIZE; i++) {
                Connection c = db.dataSource().getConnection();
                held.add(c);
                assertThat(pragma(c, "foreign_keys"))
                        .as("foreign_keys on connection %s", i)
                        .isEqualTo("1");
                assertThat(pragma(c, "journal_mode"))
                        .as("journal_mode on connection %s", i)
                        .isEqualTo("wal");
                assertThat(pragma(c, "busy_timeout"))
                        .as("busy_timeout on connection %s", i)
                        .isEqualTo("5000");
            }
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        assertThat(db.dsl().fetchValue("PRAGMA foreign_keys").toString()).isEqualTo("1");
        String inTransaction = db.transactionResult(tx ->
                tx.dsl().fetchValue("PRAGMA foreign_keys") + " " + tx.dsl().fetchValue("PRAGMA busy_timeout"));
        assertThat(inTransaction).isEqualTo("1 5000");
    }

    @Test
    void aForeignKeyViolationIsRefusedThroughAnAdoptedPool() {
        try (HikariDataSource pool = applicationPool("fk.db", c -> {});
                Stratum db = Stratum.open(pool, SQLDialect.SQLITE)) {
            db.migrate();
            db.tasks().submit(NewTask.builder("exists", "coder").build());
            for (int round = 0; round < POOL_SIZE + 1; round++) {
                assertThatThrownBy(() -> db.dsl()
                                .execute(
                                        "INSERT INTO task_dependencies (task_id, depends_on_id) VALUES (?, ?)",
                                        UUID.randomUUID().toString(),
                                        UUID.randomUUID().toString()))
                        .isInstanceOfSatisfying(
                                ConstraintViolation.class,
                                e -> assertThat(e.kind()).isEqualTo(ConstraintViolation.Kind.FOREIGN_KEY));
                assertThatThrownBy(() -> db.transaction(tx -> tx.dsl()
                                .execute(
                                        "INSERT INTO task_dependencies (task_id, depends_on_id) VALUES (?, ?)",
                                        UUID.randomUUID().toString(),
                                        UUID.randomUUID().toString())))
                        .isInstanceOf(ConstraintViolation.class);
            }
            assertThat(db.dsl().fetchCount(db.dsl().selectFrom("task_dependencies")))
                    .isZero();
        }
    }

    @Test
    void aLongerBusyTimeoutOfTheApplicationsIsKept() throws SQLException {
        try (HikariDataSource pool =
                        applicationPool("patient.db", c -> c.addDataSourceProperty("busy_timeout", "20000"));
                Stratum db = Stratum.open(pool, SQLDialect.SQLITE);
                Connection c = db.dataSource().getConnection()) {
            assertThat(pragma(c, "busy_timeout")).isEqualTo("20000");
            assertThat(pragma(c, "foreign_keys")).isEqualTo("1");
        }
    }

    @Test
    void aPoolWhoseConnectionsAreNotInAutoCommitIsRefusedNamingForeignKeys() {
        try (HikariDataSource pool = applicationPool("manual.db", c -> c.setAutoCommit(false))) {
            assertThatThrownBy(() -> Stratum.open(pool, SQLDialect.SQLITE))
                    .isInstanceOfSatisfying(
                            InvalidInput.class, e -> assertThat(e.field()).isEqualTo("dataSource"))
                    .hasMessageContaining("foreign_keys");
        }
    }

    private static String pragma(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
