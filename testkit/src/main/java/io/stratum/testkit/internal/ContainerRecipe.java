package io.stratum.testkit.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How to run a backend's server in a container of its official image (or a compatible one): the environment and
 * command the image's entrypoint understands, the port, the log line that says the server is ready, and the JDBC URL
 * (with credentials) of a database the testkit may create databases from.
 *
 * @param compatibleWith the official image's name, which a configured image stands in for
 * @param readyLog a regular expression for a log line of the ready server
 * @param readyTimes how often that line appears before the server is ready
 * @param url the JDBC URL, a format taking the host and the mapped port
 */
public record ContainerRecipe(
        String compatibleWith,
        int port,
        Map<String, String> environment,
        List<String> command,
        String readyLog,
        int readyTimes,
        String url) {

    private static final String PASSWORD = "test";

    /** PostgreSQL: the official image's entrypoint starts a temporary server first, so "ready" is logged twice. */
    static final ContainerRecipe POSTGRES = new ContainerRecipe(
            "postgres",
            5432,
            Map.of("POSTGRES_DB", "test", "POSTGRES_USER", "test", "POSTGRES_PASSWORD", PASSWORD),
            List.of("postgres", "-c", "fsync=off"),
            ".*database system is ready to accept connections.*\\s",
            2,
            "jdbc:postgresql://%s:%d/test?user=test&password=" + PASSWORD);

    /**
     * MariaDB: the official image's temporary server runs without networking and logs {@code port: 0}; the real one
     * logs its port.
     */
    static final ContainerRecipe MARIADB = new ContainerRecipe(
            "mariadb",
            3306,
            Map.of("MARIADB_ROOT_PASSWORD", PASSWORD, "MARIADB_DATABASE", "test"),
            // No reverse DNS look-up of each client: a container without a resolver would wait seconds for it.
            List.of("--skip-name-resolve", "--innodb-flush-log-at-trx-commit=0"),
            ".*port: 3306 .*\\s",
            1,
            "jdbc:mariadb://%s:%d/test?user=root&password=" + PASSWORD + "&sslMode=disable");

    public ContainerRecipe {
        environment = Map.copyOf(environment);
        command = List.copyOf(command);
    }

    /** The recipe for a {@link io.stratum.spi.Backend#name() backend}, if the testkit has one. */
    public static Optional<ContainerRecipe> forBackend(String backend) {
        return switch (backend) {
            case "postgresql" -> Optional.of(POSTGRES);
            case "mariadb" -> Optional.of(MARIADB);
            default -> Optional.empty();
        };
    }

    /** The JDBC URL of the server published on {@code host}:{@code mappedPort}. */
    public String url(String host, int mappedPort) {
        return url.formatted(host, mappedPort);
    }
}
