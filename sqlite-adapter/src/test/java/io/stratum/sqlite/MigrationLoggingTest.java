package io.stratum.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.Stratum;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a migration logs, through SLF4J (slf4j-simple on stderr in these tests, io.stratum at INFO): one line
 * per applied changeset and one summary line; Liquibase's own account of each step stays below INFO and
 * nothing reaches java.util.logging.
 */
class MigrationLoggingTest {

    /** stderr and the java.util.logging records (INFO and above) written while {@code work} runs. */
    private record Captured(List<String> stderr, List<String> jul) {}

    private static Captured capture(Runnable work) {
        PrintStream original = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<String> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.INFO.intValue()) {
                    records.add(record.getLevel() + " " + record.getLoggerName() + ": " + record.getMessage());
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger root = Logger.getLogger("");
        root.addHandler(handler);
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            work.run();
        } finally {
            System.setErr(original);
            root.removeHandler(handler);
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        return new Captured(text.isEmpty() ? List.of() : text.lines().toList(), records);
    }

    @Test
    void aMigrationLogsOneLinePerAppliedChangesetAndAnUpToDateOneLogsOneLine(@TempDir Path dir) {
        try (Stratum db = Stratum.open("jdbc:sqlite:" + dir.resolve("logging.db"))) {
            int changesets = db.schema().status().size();

            Captured first = capture(db::migrate);
            assertThat(first.jul()).as("java.util.logging records").isEmpty();
            assertThat(first.stderr()).as(String.join("\n", first.stderr())).hasSize(changesets + 1);
            assertThat(first.stderr().subList(0, changesets))
                    .allMatch(line -> line.contains("INFO") && line.contains("applied changeset "));
            assertThat(first.stderr().get(changesets)).contains("INFO", changesets + " changeset(s) applied");

            Captured again = capture(db::migrate);
            assertThat(again.jul()).as("java.util.logging records").isEmpty();
            assertThat(again.stderr()).as(String.join("\n", again.stderr())).hasSize(1);
            assertThat(again.stderr().get(0)).contains("INFO", "schema is up to date");
        }
    }
}
