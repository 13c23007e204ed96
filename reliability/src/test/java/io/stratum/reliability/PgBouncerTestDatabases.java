package io.stratum.reliability;

import io.stratum.spi.TestDatabaseService;
import java.util.List;

/**
 * {@code postgresql-pgbouncer}: the {@code postgresql} service's databases, created on the server directly and
 * reached through this JVM's {@link PgBouncer} in transaction mode. Reads the same server setting
 * ({@code STRATUM_TEST_POSTGRES_URL}).
 */
public final class PgBouncerTestDatabases implements TestDatabaseService {
    static final String NAME = "postgresql-pgbouncer";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String backend() {
        return direct().backend();
    }

    @Override
    public boolean needsServer() {
        return true;
    }

    @Override
    public List<String> settingNames() {
        return direct().settingNames();
    }

    @Override
    public boolean acceptsServer(String serverUrl) {
        return direct().acceptsServer(serverUrl);
    }

    @Override
    public TestDatabase create(String serverUrl) {
        return throughBouncer(serverUrl, direct().create(serverUrl));
    }

    @Override
    public TestDatabase fromTemplate(String serverUrl) {
        return throughBouncer(serverUrl, direct().fromTemplate(serverUrl));
    }

    /** Looked up on use: the service loader is still building this service's list while it constructs it. */
    private static TestDatabaseService direct() {
        return TestDatabaseService.named("postgresql");
    }

    private static TestDatabase throughBouncer(String serverUrl, TestDatabase database) {
        String url = PgBouncer.inFrontOf(serverUrl).url(database.url());
        return new TestDatabase() {
            @Override
            public String url() {
                return url;
            }

            @Override
            public void close() {
                database.close();
            }
        };
    }
}
