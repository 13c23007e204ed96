package io.stratum.testkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.stratum.MigrationFailed;
import io.stratum.SchemaMigrations.ChangeSetState;
import io.stratum.Stratum;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several processes migrating one fresh database at once, and a database newer than the code. The concurrent case
 * runs {@value #ROUNDS} rounds, each on a fresh database, and releases the {@value #PROCESSES} processes of a round
 * together through a file barrier ({@link MigrateMain}), so that a race between them shows up in a single run
 * rather than once in many.
 */
public abstract class ConcurrentMigrationContract extends ContractSupport {
    private static final int PROCESSES = 3;
    private static final int ROUNDS = 12;
    /** Not a performance bound: only how long a stuck process may hang before the test fails. */
    private static final Duration HANG_GUARD = Duration.ofMinutes(5);

    @Test
    void threeProcessesMigratingAtOnceAllSucceedAndApplyEachChangeSetOnce(@TempDir Path dir) throws Exception {
        List<String> urls = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            urls.add(databases.freshUrl());
        }
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1",
                    "--enable-native-access=ALL-UNNAMED",
                    "-cp",
                    System.getProperty("java.class.path"),
                    MigrateMain.class.getName(),
                    dir.resolve("barriers").toString(),
                    String.valueOf(PROCESSES)));
            command.addAll(urls);
            processes.add(new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("log-" + i).toFile())
                    .start());
        }
        for (int i = 0; i < PROCESSES; i++) {
            Process p = processes.get(i);
            if (!p.waitFor(HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS)) {
                processes.forEach(Process::destroyForcibly);
                fail("migration process " + i + " hung; its output:\n" + Files.readString(dir.resolve("log-" + i)));
            }
            assertThat(p.exitValue())
                    .as(
                            "exit status of migration process %s; its output:%n%s",
                            i, Files.readString(dir.resolve("log-" + i)))
                    .isZero();
        }
        for (String url : urls) {
            try (Stratum migrated = Stratum.open(url)) {
                List<ChangeSetState> status = migrated.schema().status();
                assertThat(status).isNotEmpty().allMatch(ChangeSetState::applied);
                int rows = migrated.dsl().fetchCount(DSL.table(DSL.name(HistoryTable.of(migrated))));
                assertThat(rows).isEqualTo(status.size());
            }
        }
    }

    @Test
    void aDatabaseMigratedByANewerVersionIsRefused() {
        String url = databases.freshUrl();
        try (Stratum store = Stratum.open(url)) {
            store.migrate();
            store.dsl().execute("""
                    INSERT INTO {0} (id, author, filename, dateexecuted, orderexecuted, exectype)
                    VALUES ('999-from-the-future', 'stratum', 'db/changelog/changes/999-future.xml',
                            CURRENT_TIMESTAMP, 999, 'EXECUTED')""", DSL.name(HistoryTable.of(store)));
            assertThatThrownBy(store::migrate)
                    .isInstanceOf(MigrationFailed.class)
                    .hasMessageContaining("newer")
                    .hasMessageContaining("999-from-the-future");
        }
    }
}
