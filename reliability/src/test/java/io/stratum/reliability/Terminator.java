package io.stratum.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** An admin connection that kills every other backend of its database, as a network cut or failover would. */
final class Terminator implements ConnectionCutter {
    private final Connection admin;

    Terminator(String url) throws SQLException {
        this.admin = DriverManager.getConnection(url);
    }

    /** Terminates the other backends; returns how many. */
    @Override
    public int cutOthers() throws SQLException {
        try (Statement s = admin.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                        + "WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Override
    public void close() throws SQLException {
        admin.close();
    }
}
