package io.stratum.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;
import org.sqlite.jdbc3.JDBC3PreparedStatement;

/** Prepared statements kept per connection by {@link StatementCache}, on a real SQLite file. */
class SqliteStatementCacheTest {
    private static final String SELECT = "SELECT v FROM t WHERE k = ?";

    @TempDir
    Path dir;

    private SQLiteDataSource driver;

    @BeforeEach
    void createTable() throws SQLException {
        driver = new SQLiteDataSource();
        driver.setUrl("jdbc:sqlite:" + dir.resolve("cache.db"));
        try (Connection c = driver.getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)");
            s.execute("INSERT INTO t VALUES (1, 'one'), (2, 'two'), (3, 'three')");
        }
    }

    private static JDBC3PreparedStatement unwrapped(PreparedStatement statement) throws SQLException {
        return statement.unwrap(JDBC3PreparedStatement.class);
    }

    private static String value(PreparedStatement statement, int key) throws SQLException {
        statement.setInt(1, key);
        try (ResultSet rs = statement.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void aClosedStatementIsLentAgainResetAndWithoutItsParameters() throws SQLException {
        try (Connection c = StatementCache.wrap(driver.getConnection())) {
            PreparedStatement first = c.prepareStatement(SELECT);
            JDBC3PreparedStatement kept = unwrapped(first);
            assertThat(value(first, 1)).isEqualTo("one");
            first.close();
            assertThat(first.isClosed()).isTrue();
            assertThatThrownBy(() -> first.setInt(1, 2)).isInstanceOf(SQLException.class);

            try (PreparedStatement second = c.prepareStatement(SELECT)) {
                assertThat(unwrapped(second)).isSameAs(kept);
                assertThat(second.getConnection()).isSameAs(c);
                try (ResultSet unbound = second.executeQuery()) {
                    assertThat(unbound.next())
                            .as("parameters were cleared: k = NULL matches nothing")
                            .isFalse();
                }
                assertThat(value(second, 3)).isEqualTo("three");
            }
        }
    }

    @Test
    void aStatementInUseIsNotLentTwice() throws SQLException {
        try (Connection c = StatementCache.wrap(driver.getConnection());
                PreparedStatement outer = c.prepareStatement(SELECT);
                PreparedStatement inner = c.prepareStatement(SELECT)) {
            assertThat(unwrapped(inner)).isNotSameAs(unwrapped(outer));
            outer.setInt(1, 1);
            try (ResultSet rs = outer.executeQuery()) {
                assertThat(value(inner, 2)).isEqualTo("two");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("one");
            }
        }
    }

    @Test
    void aResultSetLeftOpenIsClosedSoThatTheTransactionCanCommit() throws SQLException {
        try (Connection c = StatementCache.wrap(driver.getConnection());
                Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            PreparedStatement select = c.prepareStatement("SELECT v FROM t ORDER BY k");
            ResultSet partlyRead = select.executeQuery();
            assertThat(partlyRead.next()).isTrue();
            select.close();
            try (PreparedStatement update = c.prepareStatement("UPDATE t SET v = ? WHERE k = 1")) {
                update.setString(1, "uno");
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            s.execute("COMMIT"); // SQLITE_BUSY "statements in progress" if the select had not been reset
            try (PreparedStatement again = c.prepareStatement(SELECT)) {
                assertThat(value(again, 1)).isEqualTo("uno");
            }
        }
    }

    @Test
    void aRowReturningStatementExecutedButNeverReadIsResetToo() throws SQLException {
        try (Connection c = StatementCache.wrap(driver.getConnection());
                Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try (PreparedStatement update = c.prepareStatement("UPDATE t SET v = 'x' WHERE k > 0 RETURNING k")) {
                assertThat(update.execute()).isTrue();
            }
            s.execute("COMMIT");
            try (PreparedStatement again = c.prepareStatement(SELECT)) {
                assertThat(value(again, 2)).isEqualTo("x");
            }
        }
    }

    @Test
    void closingTheConnectionClosesEveryKeptStatementAndTheLeastRecentlyUsedGoFirst() throws SQLException {
        JDBC3PreparedStatement oldest;
        JDBC3PreparedStatement newest;
        try (Connection c = StatementCache.wrap(driver.getConnection())) {
            try (PreparedStatement p = c.prepareStatement("SELECT 0")) {
                oldest = unwrapped(p);
            }
            for (int i = 1; i <= StatementCache.CAPACITY; i++) {
                try (PreparedStatement p = c.prepareStatement("SELECT " + i)) {
                    p.executeQuery().close();
                }
            }
            assertThat(oldest.isClosed()).as("evicted beyond the capacity").isTrue();
            try (PreparedStatement p = c.prepareStatement(SELECT)) {
                newest = unwrapped(p);
            }
            assertThat(newest.isClosed()).isFalse();
        }
        assertThat(newest.isClosed()).as("closed with the connection").isTrue();
    }
}
