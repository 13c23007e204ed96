package io.stratum.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.PoolSettings;
import io.stratum.Stratum;
import io.stratum.task.NewTask;
import io.stratum.task.TaskFilters;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class SqlitePragmasTest {

    @Test
    void everyPooledConnectionCarriesTheSettings(@TempDir Path dir) throws Exception {
        try (Stratum db = Stratum.builder()
                .url("jdbc:sqlite:" + dir.resolve("p.db"))
                .pool(PoolSettings.defaults().withMaxSize(4).withMinIdle(4))
                .open()) {
            DataSource pool = db.dsl().configuration().connectionProvider()
                            instanceof org.jooq.impl.DataSourceConnectionProvider p
                    ? p.dataSource()
                    : null;
            assertThat(pool).isNotNull();
            List<Connection> held = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    Connection c = pool.getConnection();
                    held.add(c);
                    assertThat(pragma(c, "journal_mode")).isEqualTo("wal");
                    assertThat(pragma(c, "synchronous")).isEqualTo("1"); // NORMAL
                    assertThat(pragma(c, "foreign_keys")).isEqualTo("1");
                    assertThat(pragma(c, "busy_timeout")).isEqualTo("5000");
                }
            } finally {
                for (Connection c : held) {
                    c.close();
                }
            }
        }
    }

    @Test
    void busyTimeoutCanBeOverridden(@TempDir Path dir) throws Exception {
        try (Stratum db = Stratum.builder()
                .url("jdbc:sqlite:" + dir.resolve("b.db"))
                .driverProperty("busy_timeout", "12000")
                .open()) {
            assertThat(db.dsl().fetchValue("PRAGMA busy_timeout").toString()).isEqualTo("12000");
        }
    }

    @Test
    void inMemoryDatabaseIsOneDatabaseForTheWholePoolAndPrivateToItsStore() {
        try (Stratum a = Stratum.open("jdbc:sqlite::memory:");
                Stratum b = Stratum.open("jdbc:sqlite::memory:")) {
            a.migrate();
            b.migrate();
            a.tasks().submit(NewTask.builder("only in a", "coder").build());
            assertThat(a.tasks().count(TaskFilters.all())).isEqualTo(1);
            assertThat(b.tasks().count(TaskFilters.all())).isZero();
        }
    }

    @Test
    void applicationOwnedDataSourceIsUsedAndLeftOpen(@TempDir Path dir) throws Exception {
        SQLiteDataSource own = new SQLiteDataSource();
        own.setUrl("jdbc:sqlite:" + dir.resolve("own.db"));
        own.setEnforceForeignKeys(true);
        try (Stratum db = Stratum.open(own, SQLDialect.SQLITE)) {
            db.migrate();
            db.tasks().submit(NewTask.builder("on my pool", "coder").build());
            assertThat(db.backendName()).isEqualTo("sqlite");
        }
        try (Connection c = own.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM tasks")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    private static String pragma(Connection c, String name) throws Exception {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
