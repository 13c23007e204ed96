package io.stratum.testkit.internal;

import io.stratum.InvalidInput;
import io.stratum.JdbcUrls;
import io.stratum.spi.TestDatabaseService;
import io.stratum.testkit.StratumTest;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Chooses the server of a test whose database service {@link TestDatabaseService#needsServer() needs one}: the
 * annotation's URL, else the configured URL, else a container when the service has an image and one can be
 * started, else none. A pure function of its inputs.
 */
public final class ServerSelection {
    private ServerSelection() {}

    /**
     * @param service the test database service the server is for
     * @param annotationUrl {@link StratumTest#serverUrl()} (empty when not given)
     * @param settings configuration parameters and environment
     * @param containers consulted only when no URL is given
     */
    public static ServerSource select(
            TestDatabaseService service, String annotationUrl, Settings settings, Containers containers) {
        if (!annotationUrl.isBlank()) {
            return url(service, annotationUrl.trim(), "@StratumTest(serverUrl)");
        }
        List<Setting> urls = Setting.url(service.settingNames());
        var configured = settings.first(urls);
        if (configured.isPresent()) {
            Setting setting = configured.get().setting();
            return url(service, configured.get().value(), setting.property() + " / " + setting.variable());
        }
        Setting requiredBy =
                settings.firstTrue(Setting.require(service.settingNames())).orElse(null);
        String image = settings.first(Setting.image(service.settingNames()))
                .map(Settings.Value::value)
                .orElse(service.containerImage());
        if (image == null) {
            return new ServerSource.Missing(
                    missingReason(service, urls, "the service has no container image"), requiredBy);
        }
        return containers
                .unavailability(service.backend(), image)
                .<ServerSource>map(why -> new ServerSource.Missing(missingReason(service, urls, why), requiredBy))
                .orElseGet(() -> new ServerSource.Container(service.backend(), image));
    }

    private static ServerSource url(TestDatabaseService service, String url, String origin) {
        if (!service.acceptsServer(url)) {
            throw new InvalidInput(
                    origin, "'" + JdbcUrls.redact(url) + "' is not a JDBC URL of a " + service.name() + " server");
        }
        return new ServerSource.Url(url, origin);
    }

    private static String missingReason(TestDatabaseService service, List<Setting> urls, String containerProblem) {
        return "no " + service.name() + " server for this test: set "
                + urls.stream().map(Setting::variable).collect(Collectors.joining(" or "))
                + " (or -D" + urls.getFirst().property() + ", or @StratumTest(serverUrl = ...)) to the JDBC URL of a"
                + " server where the test may create databases; no container either: " + containerProblem;
    }
}
