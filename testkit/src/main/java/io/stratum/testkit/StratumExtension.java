package io.stratum.testkit;

import io.stratum.testkit.internal.Containers;
import io.stratum.testkit.internal.FieldInjection;
import io.stratum.testkit.internal.HandedInDataSource;
import io.stratum.testkit.internal.Settings;
import io.stratum.testkit.internal.TestSetup;
import io.stratum.testkit.internal.TestState;
import io.stratum.testkit.internal.TestcontainersRuntime;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link StratumTest}: before each test it creates a database, opens a migrated
 * {@link io.stratum.Stratum} on it and loads the fixtures; after the test it closes the Stratum and removes
 * the database. Register it with {@code @StratumTest}, or programmatically:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final StratumExtension STRATUM = StratumExtension.on("postgresql").withFixtures("/fixtures/release.yaml");
 * }</pre>
 *
 * <p>A suite that runs its own server, in a container it starts itself for example, hands it in as a URL supplier,
 * asked before each test (after {@code @BeforeAll} methods, so the container may be started there):
 *
 * <pre>{@code
 * @Container
 * static final PostgreSQLContainer<?> POSTGRES = new PostgreSQLContainer<>("postgres:16-alpine");
 *
 * @RegisterExtension
 * static final StratumExtension STRATUM = StratumExtension.on("postgresql",
 *         () -> POSTGRES.getJdbcUrl() + "&user=" + POSTGRES.getUsername() + "&password=" + POSTGRES.getPassword());
 * }</pre>
 *
 * <p>A suite that has only a {@link DataSource} for a database it owns hands that in: its tests take turns on that
 * database, each with Stratum's tables migrated and emptied, and the suite's own tables left as they are:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final StratumExtension STRATUM = StratumExtension.on(appDataSource, SQLDialect.POSTGRES);
 * }</pre>
 *
 * <p>A programmatic extension's settings apply to every test of the class unless a test method carries its
 * own {@code @StratumTest}. Register one or the other on a class, not both. Instances are immutable and safe
 * to share between tests running in parallel.
 */
public final class StratumExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private static final Namespace NAMESPACE = Namespace.create(StratumExtension.class);
    private static final String STATE = "state";

    private final TestSetup setup;
    private final Function<String, String> environment;
    private final Containers containers;
    private final Supplier<String> server;
    private final HandedInDataSource handedIn;

    /** The extension {@link StratumTest} registers: the annotations say what each test gets. */
    public StratumExtension() {
        this(null, System::getenv, TestcontainersRuntime.INSTANCE);
    }

    /** For the testkit's own tests, which replace the environment and the container runtime. */
    StratumExtension(TestSetup setup, Function<String, String> environment, Containers containers) {
        this(setup, environment, containers, null, null);
    }

    private StratumExtension(
            TestSetup setup,
            Function<String, String> environment,
            Containers containers,
            Supplier<String> server,
            HandedInDataSource handedIn) {
        this.setup = setup;
        this.environment = environment;
        this.containers = containers;
        this.server = server;
        this.handedIn = handedIn;
    }

    /**
     * Each test gets a database from the test database service called {@code backend} (see
     * {@link StratumTest#backend()}), on the configured server if it needs one.
     */
    public static StratumExtension on(String backend) {
        return on(backend, "");
    }

    /** Each test gets a database from the service called {@code backend} on the server {@code serverUrl} connects to. */
    public static StratumExtension on(String backend, String serverUrl) {
        return new StratumExtension(
                new TestSetup(backend, serverUrl, List.of()), System::getenv, TestcontainersRuntime.INSTANCE);
    }

    /**
     * Each test gets a database from the service called {@code backend} on a server of the suite's own: the JDBC
     * URL (with credentials, for a user that may create databases) that {@code serverUrl} returns before each test,
     * e.g. that of a container the suite started. No container of the testkit's is started.
     */
    public static StratumExtension on(String backend, Supplier<String> serverUrl) {
        Objects.requireNonNull(serverUrl, "serverUrl");
        return new StratumExtension(
                new TestSetup(backend, "", List.of()), System::getenv, TestcontainersRuntime.INSTANCE, serverUrl, null);
    }

    /**
     * Each test runs on the database {@code dataSource} connects to, which the suite owns and closes: the tests of
     * every class registered on the same extension take turns on it (one at a time, also when JUnit runs tests in
     * parallel). Before each test Stratum's schema is migrated and its tables are emptied; tables of other
     * changesets are left as they are. No database is created or removed.
     *
     * @param dialect the database's jOOQ dialect, which picks the backend
     */
    public static StratumExtension on(DataSource dataSource, SQLDialect dialect) {
        return new StratumExtension(
                null,
                System::getenv,
                TestcontainersRuntime.INSTANCE,
                null,
                new HandedInDataSource(dataSource, dialect));
    }

    /** A copy that loads these fixture files before each test (see {@link StratumTest#fixtures()}). */
    public StratumExtension withFixtures(String... resources) {
        return new StratumExtension(
                setup().withFixtures(List.of(resources)), environment, containers, server, handedIn);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        if (store.get(STATE) != null) {
            throw new ExtensionConfigurationException("StratumExtension is registered twice for "
                    + context.getDisplayName() + ": use @StratumTest or @RegisterExtension, not both");
        }
        TestState state = open(context);
        store.put(STATE, state);
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            FieldInjection.inject(instance, state);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestState state = context.getStore(NAMESPACE).remove(STATE, TestState.class);
        if (state != null) {
            state.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return TestState.TYPES.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        TestState state = context.getStore(NAMESPACE).get(STATE, TestState.class);
        if (state == null) {
            throw new ParameterResolutionException("a " + type.getSimpleName() + " from StratumExtension belongs to"
                    + " one test: ask for it in a test method, a @BeforeEach or @AfterEach method, or a @StratumInject"
                    + " field, not in " + parameter.getDeclaringExecutable());
        }
        return state.get(type);
    }

    private TestState open(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        if (handedIn != null && onMethod(context).isEmpty()) {
            return TestState.open(handedIn, setup().fixtures(), testClass);
        }
        Settings settings = new Settings(context::getConfigurationParameter, environment);
        return TestState.open(resolve(context), testClass, settings, containers);
    }

    private static Optional<StratumTest> onMethod(ExtensionContext context) {
        return context.getTestMethod().flatMap(method -> AnnotationSupport.findAnnotation(method, StratumTest.class));
    }

    /** The nearest declaration: the method's annotation, this extension's settings, the classes' annotations. */
    private TestSetup resolve(ExtensionContext context) {
        Optional<StratumTest> onMethod = onMethod(context);
        if (onMethod.isPresent()) {
            return TestSetup.of(onMethod.get());
        }
        if (setup != null) {
            return server == null ? setup : setup.withServerUrl(suppliedServer());
        }
        for (Class<?> type = context.getRequiredTestClass(); type != null; type = enclosingOf(type)) {
            Optional<StratumTest> onClass = AnnotationSupport.findAnnotation(type, StratumTest.class);
            if (onClass.isPresent()) {
                return TestSetup.of(onClass.get());
            }
        }
        return TestSetup.DEFAULT;
    }

    private String suppliedServer() {
        String url = server.get();
        if (url == null || url.isBlank()) {
            throw new ExtensionConfigurationException(
                    "the server URL supplier given to StratumExtension.on(...) returned no URL");
        }
        return url;
    }

    private TestSetup setup() {
        return setup == null ? TestSetup.DEFAULT : setup;
    }

    /** The class around an inner ({@code @Nested}) class, whose annotations apply to it too. */
    private static Class<?> enclosingOf(Class<?> type) {
        return Modifier.isStatic(type.getModifiers()) ? null : type.getEnclosingClass();
    }
}
