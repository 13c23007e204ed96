package io.stratum.modulepath;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stratum on the module path: an application module that requires {@code io.stratum.core} migrates a SQLite
 * file, runs a task through the queue, and sees the API exported and the implementation not, in core and in the
 * testkit. The other suites run on the class path.
 */
class ModulePathTest {
    /** Left off the module path; JUnit and AssertJ stay: the testkit requires them. */
    private static final List<String> TEST_ONLY = List.of("test-classes", "surefire", "byte-buddy");

    /**
     * Liquibase is an automatic module, which declares none of its dependencies: those that are named modules
     * must be added by name (not ALL-MODULE-PATH: its optional jaxb-api requires a module that is not there).
     */
    static final String LIQUIBASE_DEPENDENCIES = "org.apache.commons.lang3,org.apache.commons.text,"
            + "org.apache.commons.collections4,org.apache.commons.io,org.yaml.snakeyaml";

    @Test
    void stratumRunsOnTheModulePathWithItsImplementationEncapsulated(@TempDir Path dir)
            throws IOException, InterruptedException {
        String modulePath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> TEST_ONLY.stream().noneMatch(entry::contains))
                .collect(Collectors.joining(File.pathSeparator));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(
                        java.toString(),
                        "--enable-native-access=ALL-UNNAMED",
                        "--module-path",
                        modulePath,
                        "--add-modules",
                        LIQUIBASE_DEPENDENCIES,
                        "--module",
                        "io.stratum.modulepath/io.stratum.modulepath.ModulePathMain",
                        dir.resolve("module-path.db").toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output)
                .contains(
                        "backend=sqlite",
                        "status=COMPLETED",
                        "core module=io.stratum.core",
                        "api exported=true",
                        "internal exported=false",
                        "testkit module=io.stratum.testkit",
                        "testkit tck exported=true",
                        "testkit internal exported=false");
    }
}
