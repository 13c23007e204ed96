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
 * @StratumTest(backend = TestBackend.POSTGRES, fixtures = "/fixtures/release.yaml")
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
 * <p>PostgreSQL comes from, in this order: {@link #postgresUrl()}; the JUnit configuration parameter or system
 * property {@value #POSTGRES_URL_PROPERTY}; the environment variable {@value #POSTGRES_URL_VARIABLE}; a
 * PostgreSQL container started once per JVM, when {@code org.testcontainers:postgresql} is on the test class
 * path and a Docker engine answers. Without any of them the test is skipped, or fails when
 * {@value #REQUIRE_POSTGRES_VARIABLE} (or {@value #REQUIRE_POSTGRES_PROPERTY}) is {@code true}. The URL names
 * a server and a database to connect to for {@code CREATE DATABASE}; the user needs the CREATEDB privilege.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(StratumExtension.class)
public @interface StratumTest {
    /** Configuration parameter or system property naming the PostgreSQL server for tests. */
    String POSTGRES_URL_PROPERTY = "stratum.test.postgres.url";
    /** Environment variable naming the PostgreSQL server for tests. */
    String POSTGRES_URL_VARIABLE = "STRATUM_TEST_POSTGRES_URL";
    /** Configuration parameter or system property that, when {@code true}, makes a missing PostgreSQL a failure. */
    String REQUIRE_POSTGRES_PROPERTY = "stratum.test.require.postgres";
    /** Environment variable that, when {@code true}, makes a missing PostgreSQL a failure instead of a skip. */
    String REQUIRE_POSTGRES_VARIABLE = "STRATUM_TEST_REQUIRE_POSTGRES";
    /** Configuration parameter or system property choosing the container image (default {@code postgres:16-alpine}). */
    String POSTGRES_IMAGE_PROPERTY = "stratum.test.postgres.image";
    /** Environment variable choosing the container image. */
    String POSTGRES_IMAGE_VARIABLE = "STRATUM_TEST_POSTGRES_IMAGE";

    /** The database the test runs on. */
    TestBackend backend() default TestBackend.SQLITE_MEMORY;

    /**
     * JDBC URL of the PostgreSQL server to create test databases on, e.g.
     * {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}; empty to use the configured one.
     */
    String postgresUrl() default "";

    /**
     * Fixture files to load before each test, in order: class-path resources, relative to the test class's
     * package unless they start with {@code /}. JSON or YAML; see {@link Fixtures} for the format.
     */
    String[] fixtures() default {};
}
