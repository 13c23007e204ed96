package io.stratum.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a non-static field that receives the current test's {@code Stratum}, {@code DSLContext},
 * {@code DataSource} or {@link Fixtures} before each test (and before {@code @BeforeEach} methods run).
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface StratumInject {}
