package io.stratum.testkit.tck;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a class of the testkit in a JVM of its own, on this JVM's class path, its output in a file. */
final class ChildJvm {
    private ChildJvm() {}

    /** Runs {@code main} with {@code args} and {@code -Xmx} of {@code heap}, output and errors to {@code log}. */
    static Process start(Class<?> main, String heap, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap,
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }
}
