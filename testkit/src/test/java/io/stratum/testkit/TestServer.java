package io.stratum.testkit;

import io.stratum.Stratum;
import io.stratum.testkit.internal.Setting;
import io.stratum.testkit.internal.Settings;
import java.util.Optional;

/** The PostgreSQL server the build gives these tests, for looking at it from outside the extension. */
final class TestServer {
    private TestServer() {
    }

    static String url() {
        String url = new Settings(name -> Optional.ofNullable(System.getProperty(name)), System::getenv)
                .get(Setting.POSTGRES_URL);
        if (url == null) {
            throw new IllegalStateException("no " + Setting.POSTGRES_URL.variable());
        }
        return url;
    }

    /** Whether a database of that name exists on the server. */
    static boolean exists(String database) {
        try (Stratum server = Stratum.open(url())) {
            return server.dsl().fetchExists(server.dsl().selectOne().from("pg_database").where("datname = ?", database));
        }
    }
}
