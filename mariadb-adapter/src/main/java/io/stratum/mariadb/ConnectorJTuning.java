package io.stratum.mariadb;

import java.util.Properties;

/**
 * MariaDB Connector/J properties Stratum sets unless the application overrides them
 * ({@code Stratum.builder().driverProperty(name, value)}):
 *
 * <ul>
 *   <li>{@code connectionTimeZone=UTC}, {@code forceConnectionTimeZoneToSession=true}: every session runs with
 *       {@code time_zone = '+00:00'}, the zone the {@code DATETIME(6)} columns hold, so that the server's
 *       {@code NOW()} and the driver's conversions of zoned values agree with them in SQL of the application's own
 *       on the pool. Stratum's statements do not depend on it: they bind and read UTC date-times
 *       ({@code LocalDateTime}), which neither the driver nor the server converts.
 *   <li>{@code transactionIsolation=READ-COMMITTED}: the isolation Stratum's transactions are written for (and
 *       PostgreSQL's default); InnoDB's default REPEATABLE READ takes gap locks that make concurrent claims and
 *       submits deadlock far more often.
 *   <li>{@code tcpKeepAlive=true}: dead peers are noticed by idle pooled connections.
 *   <li>{@code connectionAttributes=program_name:stratum}: visible in {@code performance_schema.session_connect_attrs}.
 * </ul>
 *
 * <p>{@code allowMultiQueries} keeps the driver's default, false: nothing Stratum sends has two statements in one
 * string (a transaction with other than the default options opens with {@code SET TRANSACTION ...} and
 * {@code START TRANSACTION ...} as two executions).
 *
 * <p>{@code useServerPrepStmts} keeps the driver's default, false: server-side prepared statements bought no
 * measurable throughput on Stratum's hot paths and keep statements open on the server for every pooled connection
 * ({@code bench/mariadb-choices.md}).
 *
 * <p>Connector/J 4 asks for TLS by default; a server without TLS needs {@code sslMode=disable} in the URL.
 */
final class ConnectorJTuning {
    private ConnectorJTuning() {}

    static Properties defaults() {
        Properties p = new Properties();
        p.setProperty("connectionTimeZone", "UTC");
        p.setProperty("forceConnectionTimeZoneToSession", "true");
        p.setProperty("transactionIsolation", "READ-COMMITTED");
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("connectionAttributes", "program_name:stratum");
        return p;
    }
}
