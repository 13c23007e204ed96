package io.stratum.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * An admin connection that kills every other connection to its database with {@code KILL CONNECTION}, as a network
 * cut or failover would: the MariaDB counterpart of {@link Terminator}.
 */
final class MariaDbKiller implements ConnectionCutter {
    /** {@code ER_NO_SUCH_THREAD}: the connection ended between the PROCESSLIST read and the KILL. */
    private static final int NO_SUCH_THREAD = 1094;

    private final Connection admin;

    MariaDbKiller(String url) throws SQLException {
        this.admin = DriverManager.getConnection(url);
    }

    /** Kills the other connections whose current database is this one; returns how many. */
    @Override
    public int cutOthers() throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement s = admin.prepareStatement("SELECT ID FROM information_schema.PROCESSLIST "
                        + "WHERE DB = DATABASE() AND ID <> CONNECTION_ID()");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        int killed = 0;
        try (Statement s = admin.createStatement()) {
            for (long id : ids) {
                try {
                    // A number read from PROCESSLIST; KILL takes no bind parameters.
                    s.execute("KILL CONNECTION " + id);
                    killed++;
                } catch (SQLException e) {
                    if (e.getErrorCode() != NO_SUCH_THREAD) {
                        throw e;
                    }
                }
            }
        }
        return killed;
    }

    @Override
    public void close() throws SQLException {
        admin.close();
    }
}
