package io.stratum.testkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.MigrationFailed;
import io.stratum.SchemaMigrations.ChangeSetState;
import io.stratum.Stratum;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Several processes migrating one fresh database at once, and a database newer than the code. */
public abstract class ConcurrentMigrationContract extends ContractSupport {
    private static final int PROCESSES = 3;

    @Test
    void threeProcessesMigratingAtOnceAllSucceedAndApplyEachChangeSetOnce() throws Exception {
        String url = databases.freshUrl();
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            processes.add(new ProcessBuilder(
                    System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                    "--enable-native-access=ALL-UNNAMED",
                    "-cp", System.getProperty("java.class.path"),
                    MigrateMain.class.getName(), url)
                    .redirectErrorStream(true)
                    .start());
        }
        for (Process p : processes) {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("migration process finished").isTrue();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(output).isZero();
        }
        try (Stratum migrated = Stratum.open(url)) {
            List<ChangeSetState> status = migrated.schema().status();
            assertThat(status).isNotEmpty().allMatch(ChangeSetState::applied);
            int rows = migrated.dsl().fetchCount(migrated.dsl().selectFrom("databasechangelog"));
            assertThat(rows).isEqualTo(status.size());
        }
    }

    @Test
    void aDatabaseMigratedByANewerVersionIsRefused() {
        String url = databases.freshUrl();
        try (Stratum store = Stratum.open(url)) {
            store.migrate();
            store.dsl().execute("""
                    INSERT INTO databasechangelog (id, author, filename, dateexecuted, orderexecuted, exectype)
                    VALUES ('999-from-the-future', 'stratum', 'db/changelog/changes/999-future.xml',
                            CURRENT_TIMESTAMP, 999, 'EXECUTED')""");
            assertThatThrownBy(store::migrate)
                    .isInstanceOf(MigrationFailed.class)
                    .hasMessageContaining("newer")
                    .hasMessageContaining("999-from-the-future");
        }
    }
}
