package io.stratum.testkit.internal;

import io.stratum.InvalidInput;
import io.stratum.JdbcUrls;
import io.stratum.testkit.StratumTest;

/**
 * Chooses the PostgreSQL server of a test: the annotation's URL, else the configured URL, else a container
 * when one can be started, else none. A pure function of its inputs.
 */
public final class PostgresSourceSelection {
    private static final String PREFIX = "jdbc:postgresql:";

    private PostgresSourceSelection() {
    }

    /**
     * @param annotationUrl {@link StratumTest#postgresUrl()} (empty when not given)
     * @param settings configuration parameters and environment
     * @param containers consulted only when no URL is given
     */
    public static PostgresSource select(String annotationUrl, Settings settings, Containers containers) {
        if (!annotationUrl.isBlank()) {
            return url(annotationUrl.trim(), "@StratumTest(postgresUrl)");
        }
        String configured = settings.get(Setting.POSTGRES_URL);
        if (configured != null) {
            return url(configured, Setting.POSTGRES_URL.property() + " / " + Setting.POSTGRES_URL.variable());
        }
        return containers.unavailability()
                .<PostgresSource>map(why -> new PostgresSource.Missing(missingReason(why),
                        settings.isTrue(Setting.REQUIRE_POSTGRES)))
                .orElseGet(PostgresSource.Container::new);
    }

    private static PostgresSource url(String url, String origin) {
        if (!url.startsWith(PREFIX)) {
            throw new InvalidInput(origin, "'" + JdbcUrls.redact(url) + "' is not a PostgreSQL JDBC URL (" + PREFIX + "...)");
        }
        return new PostgresSource.Url(url, origin);
    }

    private static String missingReason(String containerProblem) {
        return "no PostgreSQL server for this test: set " + Setting.POSTGRES_URL.variable()
                + " (or -D" + Setting.POSTGRES_URL.property() + ", or @StratumTest(postgresUrl = ...)) to a server where"
                + " the test may create databases, e.g. jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres;"
                + " no container either: " + containerProblem;
    }
}
