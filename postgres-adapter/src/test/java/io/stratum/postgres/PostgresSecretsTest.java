package io.stratum.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.PoolSettings;
import io.stratum.Stratum;
import io.stratum.StratumException;
import io.stratum.task.NewTask;
import io.stratum.task.TaskId;
import io.stratum.testkit.tck.ScratchDatabases;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * A password in the JDBC URL appears in no log line (SLF4J, HikariCP, Liquibase's java.util.logging), no
 * exception message and no toString, on the success path and on failures.
 */
class PostgresSecretsTest {
    private static final String SECRET = "hunter2-" + UUID.randomUUID();

    @Test
    void passwordNeverLeaks() throws Exception {
        ScratchDatabases databases = ScratchDatabases.of("postgresql");
        StringBuilder julLog = new StringBuilder();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                julLog.append(r.getMessage())
                        .append(' ')
                        .append(r.getParameters() == null ? "" : java.util.Arrays.toString(r.getParameters()))
                        .append(' ')
                        .append(r.getThrown())
                        .append('\n');
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        PrintStream err = System.err;
        PrintStream out = System.out;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(console, true, StandardCharsets.UTF_8);
        StringBuilder exceptions = new StringBuilder();
        System.setErr(both);
        System.setOut(both);
        try {
            // trust authentication accepts and ignores the password, so the store really opens with it
            String url = databases.freshUrl() + "&password=" + SECRET;
            try (Stratum db = Stratum.open(url)) {
                db.migrate();
                db.tasks().submit(NewTask.builder("ok", "coder").build());
                exceptions.append(db).append('\n');
                try {
                    db.tasks()
                            .submit(NewTask.builder("orphan", "coder")
                                    .parentTaskId(TaskId.of(UUID.randomUUID()))
                                    .build());
                } catch (StratumException e) {
                    exceptions.append(e).append(describe(e));
                }
            }
            assertThatThrownBy(() -> Stratum.builder()
                            .url("jdbc:postgresql://127.0.0.1:1/x?user=u&password=" + SECRET)
                            .pool(PoolSettings.defaults().withAcquireTimeout(Duration.ofMillis(500)))
                            .open())
                    .satisfies(e -> exceptions.append(e).append(describe(e)));
        } finally {
            System.setErr(err);
            System.setOut(out);
            root.removeHandler(capture);
            databases.close();
        }
        assertThat(console.toString(StandardCharsets.UTF_8))
                .contains("opened postgresql store")
                .doesNotContain(SECRET);
        assertThat(julLog.toString()).doesNotContain(SECRET);
        assertThat(exceptions.toString()).isNotBlank().doesNotContain(SECRET);
    }

    private static String describe(Throwable e) {
        StringBuilder s = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            s.append(" / ").append(t);
        }
        return s.append('\n').toString();
    }
}
