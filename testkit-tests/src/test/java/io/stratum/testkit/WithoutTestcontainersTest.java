package io.stratum.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.Stratum;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.Extension;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.TestAbortedException;
import org.slf4j.Logger;

/**
 * Testcontainers is an optional dependency: the extension loads and decides without it. Checked in a class
 * loader that has the testkit and what it needs, but no Testcontainers.
 */
class WithoutTestcontainersTest {

    @Test
    void theExtensionLoadsAndReportsTestcontainersMissing() throws Exception {
        URL[] classPath = Stream.of(
                        StratumExtension.class,
                        Stratum.class,
                        Extension.class,
                        AnnotationSupport.class,
                        TestAbortedException.class,
                        Logger.class,
                        org.slf4j.simple.SimpleLogger.class)
                .map(type -> type.getProtectionDomain().getCodeSource().getLocation())
                .distinct()
                .toArray(URL[]::new);
        try (URLClassLoader loader = new URLClassLoader(classPath, ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> loader.loadClass("org.testcontainers.DockerClientFactory"))
                    .isInstanceOf(ClassNotFoundException.class);

            Class<?> extension = Class.forName(StratumExtension.class.getName(), true, loader);
            assertThat(extension.getConstructor().newInstance()).isNotNull();

            Class<?> runtime = Class.forName("io.stratum.testkit.internal.TestcontainersRuntime", true, loader);
            Object instance = runtime.getField("INSTANCE").get(null);
            assertThat(runtime.getMethod("unavailability", String.class, String.class)
                            .invoke(instance, "postgresql", "postgres:16-alpine"))
                    .isEqualTo(Optional.of(
                            "Testcontainers (org.testcontainers:testcontainers) is not on the test class path"));
        }
    }
}
