package io.stratum.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives every test of the annotated class (or the annotated test method) a migrated {@link io.stratum.Stratum}
 * of its own, on the chosen {@link #backend()}, with the {@link #fixtures()} loaded. The test receives it as a
 * parameter or in a field annotated with {@link StratumInject}, of type {@code Stratum}, {@code DSLContext},
 * {@code DataSource} or {@link Fixtures}; it is closed and its database removed after the test.
 *
 * <pre>{@code
 * @StratumTest(backend = "postgresql", fixtures = "/fixtures/release.yaml")
 * class ReleasePlannerTest {
 *     @Test
 *     void plansTheReadyTasksFirst(Stratum db, Fixtures fixtures) {
 *         assertThat(db.tasks().getReadyTasks(10)).extracting(Task::id).contains(fixtures.task("spec"));
 *     }
 * }
 * }</pre>
 *
 * <p>The nearest declaration wins, whole: an annotation on the method replaces the one on the class (and on
 * enclosing classes of a {@code @Nested} class), and a {@link StratumExtension} registered with
 * {@code @RegisterExtension} sits between the two.
 *
 * <p>The backend is the name of a test database service ({@link io.stratum.spi.TestDatabaseService}) that an
 * adapter module on the test class path provides: {@code sqlite-memory} and {@code sqlite-file} come with
 * {@code stratum-sqlite}, {@code postgresql} (also called {@code postgres}) with {@code stratum-postgres},
 * {@code mariadb} with {@code stratum-mariadb}. A service that needs a server gets
 * it from, in this order: {@link #serverUrl()}; the JUnit configuration parameter or system property
 * {@code stratum.test.<name>.url}; the environment variable {@code STRATUM_TEST_<NAME>_URL} (for
 * {@code postgresql} also the older {@code stratum.test.postgres.url} and {@code STRATUM_TEST_POSTGRES_URL}); a
 * container started once per JVM and shared by every test class, when the service has an image
 * ({@code STRATUM_TEST_<NAME>_IMAGE} chooses another), Testcontainers is on the test class path, a Docker engine
 * answers and has the image or can pull it (decided once per JVM, in milliseconds).
 * Without any of them the test is skipped, or fails when {@code STRATUM_TEST_REQUIRE_<NAME>} (or
 * {@code stratum.test.require.<name>}) is {@code true}. The URL names a server and a database to connect to for
 * {@code CREATE DATABASE}; the user needs the CREATEDB privilege.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(StratumExtension.class)
public @interface StratumTest {
    /** The backend a test gets when it names none: a private in-memory SQLite database. */
    String DEFAULT_BACKEND = "sqlite-memory";

    /**
     * The name of the test database service the test runs on, e.g. {@code sqlite-memory}, {@code sqlite-file}
     * or {@code postgresql}; an unknown name fails the test with the list of installed ones.
     */
    String backend() default DEFAULT_BACKEND;

    /**
     * JDBC URL of the server to create test databases on, e.g.
     * {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}; empty to use the configured one. Ignored
     * by backends that need no server.
     */
    String serverUrl() default "";

    /**
     * Fixture files to load before each test, in order: class-path resources, relative to the test class's
     * package unless they start with {@code /}. JSON or YAML; see {@link Fixtures} for the format.
     */
    String[] fixtures() default {};
}
