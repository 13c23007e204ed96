package io.stratum.mariadb.testdb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Statements run on a test server through a short-lived connection of their own. */
final class MariaDbServer {
    private MariaDbServer() {}

    static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url);
    }

    static void execute(String serverUrl, String sql) {
        try (Connection c = connect(serverUrl);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on the test server: " + e.getMessage(), e);
        }
    }

    static void drop(String serverUrl, String database) {
        execute(serverUrl, "DROP DATABASE IF EXISTS `" + database + "`");
    }

    /** {@code prefix} followed by 16 random hexadecimal digits. */
    static String newName(String prefix) {
        byte[] random = new byte[8];
        ThreadLocalRandom.current().nextBytes(random);
        return prefix + HexFormat.of().formatHex(random);
    }
}
