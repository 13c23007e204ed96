package io.stratum.internal.tx;

import io.stratum.PoolSettings;
import io.stratum.spi.Backend;
import io.stratum.spi.BackendConnection;
import io.stratum.spi.PooledConnection;
import io.stratum.spi.SqlFailure;
import io.stratum.spi.WriteGate;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.jooq.SQLDialect;

/**
 * The least a {@link Backend} needs to be, over a real SQLite file, so that core's own tests can run its
 * transaction machinery against a database without depending on an adapter module (which depends on core).
 * Writers are serialised in the process; failures are not classified.
 */
public final class PlainSqliteBackend implements Backend {
    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public boolean handles(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:sqlite:");
    }

    @Override
    public SQLDialect dialect() {
        return SQLDialect.SQLITE;
    }

    @Override
    public BackendConnection connect(String jdbcUrl, PoolSettings pool, Map<String, String> driverProperties) {
        Properties properties = new Properties();
        properties.putAll(driverProperties);
        return PooledConnection.open("core-test", jdbcUrl, properties, pool, new SerialWriteGate());
    }

    @Override
    public BackendConnection adopt(DataSource dataSource) {
        throw new UnsupportedOperationException("core tests open their databases by URL");
    }

    @Override
    public SqlFailure classify(SQLException exception) {
        return SqlFailure.of(SqlFailure.Kind.OTHER);
    }

    @Override
    public boolean supportsSkipLocked() {
        return false;
    }

    @Override
    public boolean supportsRowLocks() {
        return false;
    }

    private static final class SerialWriteGate implements WriteGate {
        @Override
        public synchronized <T> T exclusive(java.util.function.Supplier<T> work) {
            return work.get();
        }
    }
}
