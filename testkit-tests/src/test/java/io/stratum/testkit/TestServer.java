package io.stratum.testkit;

import io.stratum.Stratum;
import io.stratum.testkit.tck.ScratchDatabases;

/**
 * The PostgreSQL server the build gives these tests ({@code STRATUM_TEST_POSTGRES_URL} or {@code STRATUM_TEST_POSTGRESQL_URL}), for tests that look
 * at it from outside the extension. Without one they are skipped, or fail when PostgreSQL is required.
 */
public final class TestServer {
    private TestServer() {}

    public static String url() {
        try (ScratchDatabases databases = ScratchDatabases.of("postgresql")) {
            return databases.serverUrl();
        }
    }

    /** The server's URL with one more connection parameter: another key, hence another template database. */
    public static String urlWith(String parameter) {
        String url = url();
        return url + (url.contains("?") ? "&" : "?") + parameter;
    }

    /** Whether a database of that name exists on the server. */
    public static boolean exists(String database) {
        try (Stratum server = Stratum.open(url())) {
            return server.dsl()
                    .fetchExists(server.dsl().selectOne().from("pg_database").where("datname = ?", database));
        }
    }
}
