package io.stratum.reliability;

import java.sql.SQLException;

/** An admin connection that cuts every other connection to its database, as a network cut or failover would. */
interface ConnectionCutter extends AutoCloseable {
    /** Cuts the other connections; returns how many. */
    int cutOthers() throws SQLException;

    @Override
    void close() throws SQLException;
}
