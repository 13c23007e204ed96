package io.stratum.postgres;

import io.stratum.InvalidInput;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Checks, when Stratum adopts an application's PostgreSQL DataSource, what its connections must give: auto-commit
 * mode, in which Stratum's one-statement units commit by themselves and its transactions begin with {@code START
 * TRANSACTION} or {@code setAutoCommit(false)}. Timestamps are {@code timestamp with time zone}, so the session's
 * {@code TimeZone} does not matter.
 */
final class AdoptedPool {
    private AdoptedPool() {}

    /**
     * @throws InvalidInput naming the setting the DataSource's connections lack
     */
    static void check(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            if (!c.getAutoCommit()) {
                throw new InvalidInput(
                        "dataSource",
                        "its connections are not in auto-commit mode, so Stratum's single statements would never"
                                + " commit and it cannot begin its own transactions; configure the pool with"
                                + " autoCommit=true");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check the PostgreSQL settings of the DataSource", e);
        }
    }
}
