package io.stratum.testkit;

import io.stratum.Stratum;
import io.stratum.testkit.internal.Setting;
import io.stratum.testkit.internal.Settings;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server the build gives these tests ({@code STRATUM_TEST_POSTGRES_URL}), for tests that look
 * at it from outside the extension. Without one they are skipped, or fail when PostgreSQL is required.
 */
public final class TestServer {
    private static final Settings SETTINGS =
            new Settings(name -> Optional.ofNullable(System.getProperty(name)), System::getenv);

    private TestServer() {
    }

    public static String url() {
        String url = SETTINGS.get(Setting.POSTGRES_URL);
        if (url == null) {
            String reason = "this test needs " + Setting.POSTGRES_URL.variable();
            if (SETTINGS.isTrue(Setting.REQUIRE_POSTGRES)) {
                Assertions.fail(reason);
            }
            Assumptions.abort(reason);
        }
        return url;
    }

    /** The server's URL with one more connection parameter: another key, hence another template database. */
    public static String urlWith(String parameter) {
        String url = url();
        return url + (url.contains("?") ? "&" : "?") + parameter;
    }

    /** Whether a database of that name exists on the server. */
    public static boolean exists(String database) {
        try (Stratum server = Stratum.open(url())) {
            return server.dsl().fetchExists(server.dsl().selectOne().from("pg_database").where("datname = ?", database));
        }
    }
}
