package io.stratum.testkit.internal;

import io.stratum.PoolSettings;
import io.stratum.Stratum;
import io.stratum.spi.TestDatabaseService.TestDatabase;
import io.stratum.testkit.Fixtures;
import io.stratum.testkit.internal.fixtures.FixtureLoader;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.jooq.DSLContext;

/**
 * What one test holds: the Stratum open on its database, the fixtures loaded into it, and what gives the database
 * back afterwards (removing a database made for the test, or letting the next test take a handed-in one).
 */
public final class TestState implements AutoCloseable {
    /** The types a test can ask for. */
    public static final Set<Class<?>> TYPES = Set.of(Stratum.class, DSLContext.class, DataSource.class, Fixtures.class);

    /** Connections are opened when needed, not kept idle: most tests use one or two. */
    private static final PoolSettings POOL = PoolSettings.defaults().withMinIdle(0);

    private final Runnable giveBack;
    private final Stratum stratum;
    private final Fixtures fixtures;
    private final AtomicBoolean closed = new AtomicBoolean();

    private TestState(Runnable giveBack, Stratum stratum, Fixtures fixtures) {
        this.giveBack = giveBack;
        this.stratum = stratum;
        this.fixtures = fixtures;
    }

    /** Creates the database from the migrated template, opens a Stratum on it and loads the fixtures. */
    public static TestState open(TestSetup setup, Class<?> testClass, Settings settings, Containers containers) {
        TestDatabase database = TestDatabases.create(setup, settings, containers);
        Stratum stratum = null;
        try {
            stratum = Stratum.builder().url(database.url()).pool(POOL).open();
            database.fill(stratum);
            return new TestState(database::close, stratum, FixtureLoader.load(stratum, testClass, setup.fixtures()));
        } catch (RuntimeException e) {
            closeAll(stratum, database::close, e);
            throw e;
        }
    }

    /** Takes the handed-in database once the test before has given it back, and loads the fixtures. */
    public static TestState open(HandedInDataSource database, List<String> fixtureFiles, Class<?> testClass) {
        Stratum stratum = database.take();
        try {
            return new TestState(database::release, stratum, FixtureLoader.load(stratum, testClass, fixtureFiles));
        } catch (RuntimeException e) {
            closeAll(stratum, database::release, e);
            throw e;
        }
    }

    /** The object of {@code type}, one of {@link #TYPES}. */
    public Object get(Class<?> type) {
        if (type == Stratum.class) {
            return stratum;
        }
        if (type == DSLContext.class) {
            return stratum.dsl();
        }
        if (type == DataSource.class) {
            return stratum.dataSource();
        }
        if (type == Fixtures.class) {
            return fixtures;
        }
        throw new IllegalArgumentException(type + " is not one of " + TYPES);
    }

    /** Closes the Stratum and gives the database back. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            closeAll(stratum, giveBack, null);
        }
    }

    private static void closeAll(Stratum stratum, Runnable giveBack, RuntimeException pending) {
        RuntimeException failure = pending;
        if (stratum != null) {
            try {
                stratum.close();
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        try {
            giveBack.run();
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        if (failure != null && failure != pending) {
            throw failure;
        }
    }
}
