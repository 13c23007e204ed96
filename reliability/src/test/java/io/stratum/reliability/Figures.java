package io.stratum.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The measured figures of a run, logged and appended to target/reliability-figures.txt for docs/reliability.md. */
final class Figures {
    private static final Logger LOG = LoggerFactory.getLogger(Figures.class);
    private static final Path FILE = Path.of("target", "reliability-figures.txt");

    private Figures() {}

    static synchronized void record(String name, String figures) {
        LOG.info("{}: {}", name, figures);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(
                    FILE,
                    name + ": " + figures + System.lineSeparator(),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
