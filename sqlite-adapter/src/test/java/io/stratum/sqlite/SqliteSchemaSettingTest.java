package io.stratum.sqlite;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.ConfigurationError;
import io.stratum.Stratum;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQLite has no schemas: asking for one is a configuration error, and no database file is created. */
class SqliteSchemaSettingTest {

    @Test
    void aSchemaOfItsOwnIsRefusedWithoutCreatingTheFile(@TempDir Path dir) {
        Path file = dir.resolve("never.db");
        assertThatThrownBy(() -> Stratum.builder()
                        .url("jdbc:sqlite:" + file)
                        .schema("stratum")
                        .open())
                .isInstanceOf(ConfigurationError.class)
                .hasMessageContaining("sqlite has no schemas")
                .hasMessageContaining("'stratum'");
        Assertions.assertThat(Files.exists(file)).isFalse();
    }
}
