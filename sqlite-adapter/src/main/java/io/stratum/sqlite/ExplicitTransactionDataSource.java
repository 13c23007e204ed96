package io.stratum.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteDataSource;

/**
 * Hands out sqlite-jdbc connections whose transactions are run by {@link ExplicitTransactions} and whose prepared
 * statements are kept for reuse by {@link StatementCache}.
 */
final class ExplicitTransactionDataSource extends WrappingDataSource {
    ExplicitTransactionDataSource(SQLiteDataSource driver) {
        super(driver);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return ExplicitTransactions.wrap(StatementCache.wrap(target.getConnection()));
    }
}
