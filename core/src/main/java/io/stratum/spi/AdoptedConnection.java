package io.stratum.spi;

import io.stratum.InvalidInput;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** A {@link BackendConnection} on a DataSource the application owns: closing it leaves the DataSource open. */
public record AdoptedConnection(DataSource dataSource, WriteGate writeGate) implements BackendConnection {

    /**
     * {@code dataSource} adopted by a backend whose transactions need nothing of its connections but auto-commit
     * mode, in which Stratum's one-statement units commit by themselves and its transactions begin with
     * {@code START TRANSACTION} or {@code setAutoCommit(false)}; checked on one connection borrowed here.
     *
     * @throws InvalidInput naming the setting the DataSource's connections lack
     */
    public static AdoptedConnection inAutoCommit(DataSource dataSource, WriteGate writeGate) {
        try (Connection c = dataSource.getConnection()) {
            if (!c.getAutoCommit()) {
                throw new InvalidInput(
                        "dataSource",
                        "its connections are not in auto-commit mode, so Stratum's single statements would never"
                                + " commit and it cannot begin its own transactions; configure the pool with"
                                + " autoCommit=true");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check the settings of the DataSource's connections", e);
        }
        return new AdoptedConnection(dataSource, writeGate);
    }

    @Override
    public void close() {
        // The application created the DataSource and closes it.
    }
}
