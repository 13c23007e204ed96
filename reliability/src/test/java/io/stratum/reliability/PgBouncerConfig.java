package io.stratum.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The configuration and auth file of a test {@link PgBouncer}: transaction pooling, one wildcard database entry for
 * every database of one server, trust authentication of one user (the server trusts local connections), files
 * readable by the {@code postgres} user that PgBouncer runs as. Named after this JVM's pid.
 */
final class PgBouncerConfig {
    private PgBouncerConfig() {}

    /**
     * Writes the files into {@code dir} and returns the configuration's path.
     *
     * @param tracksPreparedStatements whether this PgBouncer has {@code max_prepared_statements} (1.21 and later)
     */
    static Path write(
            Path dir, String serverHost, String serverPort, String user, int port, boolean tracksPreparedStatements)
            throws IOException {
        long pid = ProcessHandle.current().pid();
        Path auth = readable(Files.writeString(dir.resolve("userlist-" + pid + ".txt"), "\"" + user + "\" \"\"\n"));
        return readable(Files.writeString(
                dir.resolve("pgbouncer-" + pid + ".ini"),
                String.join(
                        "\n",
                        "[databases]",
                        "* = host=" + serverHost + " port=" + serverPort,
                        "[pgbouncer]",
                        "listen_addr = 127.0.0.1",
                        "listen_port = " + port,
                        "unix_socket_dir =",
                        "auth_type = trust",
                        "auth_file = " + auth,
                        "pool_mode = transaction",
                        "max_client_conn = 400",
                        "default_pool_size = 20",
                        "ignore_startup_parameters = extra_float_digits",
                        "log_connections = 0",
                        "log_disconnections = 0",
                        tracksPreparedStatements ? "max_prepared_statements = 200" : "",
                        "")));
    }

    private static Path readable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        return file;
    }
}
