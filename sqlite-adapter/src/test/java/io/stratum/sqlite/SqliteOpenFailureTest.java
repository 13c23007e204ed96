package io.stratum.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.InvalidInput;
import io.stratum.Stratum;
import io.stratum.Unavailable;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteOpenFailureTest {
    @Test
    void missingDirectoryIsATypedErrorNamingTheProblem(@TempDir Path dir) {
        String url = "jdbc:sqlite:" + dir.resolve("no/such/dir/x.db");
        assertThatThrownBy(() -> Stratum.open(url)).isInstanceOf(Unavailable.class);
        assertThat(dir.resolve("no")).doesNotExist();
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedAndLeftAlone(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "these are not the pages of a database ".repeat(200));
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(() -> {
                    try (Stratum db = Stratum.open("jdbc:sqlite:" + file)) {
                        db.migrate();
                    }
                })
                .isInstanceOfAny(Unavailable.class, io.stratum.MigrationFailed.class);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void unknownUrlSchemeNamesTheInstalledBackends() {
        assertThatThrownBy(() -> Stratum.open("jdbc:oracle:thin:@h:1521:x"))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("sqlite");
        assertThatThrownBy(() -> Stratum.open("stratum.db"))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("not a JDBC URL");
    }
}
