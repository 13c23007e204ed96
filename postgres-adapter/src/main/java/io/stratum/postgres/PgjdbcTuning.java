package io.stratum.postgres;

import java.util.Properties;

/**
 * pgjdbc properties Stratum sets unless the application overrides them
 * ({@code Stratum.builder().driverProperty(name, value)}):
 *
 * <ul>
 *   <li>{@code reWriteBatchedInserts=true}: a batch of INSERTs travels as multi-row statements, which is
 *       what makes batch submit fast.
 *   <li>{@code prepareThreshold=5}, {@code preparedStatementCacheQueries=512},
 *       {@code preparedStatementCacheSizeMiB=8}: server-side prepared statements for the hot queries.
 *       Behind PgBouncer before 1.21 in transaction mode set {@code prepareThreshold=0}
 *       (PgBouncer 1.21 and later: {@code max_prepared_statements} in its configuration instead).
 *   <li>{@code tcpKeepAlive=true}: dead peers are noticed by idle pooled connections.
 *   <li>{@code ApplicationName=stratum}: visible in {@code pg_stat_activity}.
 * </ul>
 */
final class PgjdbcTuning {
    private PgjdbcTuning() {}

    static Properties defaults() {
        Properties p = new Properties();
        p.setProperty("reWriteBatchedInserts", "true");
        p.setProperty("prepareThreshold", "5");
        p.setProperty("preparedStatementCacheQueries", "512");
        p.setProperty("preparedStatementCacheSizeMiB", "8");
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("ApplicationName", "stratum");
        return p;
    }
}
