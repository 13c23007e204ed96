package io.stratum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {
    @Test
    void passwordsAreMaskedInEverySpelling() {
        assertThat(JdbcUrls.redact("jdbc:postgresql://h:5432/db?user=u&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://h:5432/db?user=u&password=***&ssl=true");
        assertThat(JdbcUrls.redact("jdbc:postgresql://u:s3cret@h/db")).isEqualTo("jdbc:postgresql://u:***@h/db");
        assertThat(JdbcUrls.redact("jdbc:x://h;PASSWORD=s3cret;user=u")).doesNotContain("s3cret");
        assertThat(JdbcUrls.redact("jdbc:postgresql://h/db?sslpassword=s3cret")).doesNotContain("s3cret");
    }

    @Test
    void urlsWithoutPasswordsAreUnchanged() {
        assertThat(JdbcUrls.redact("jdbc:sqlite:/tmp/a.db")).isEqualTo("jdbc:sqlite:/tmp/a.db");
        assertThat(JdbcUrls.redact("jdbc:postgresql://127.0.0.1:5432/test?user=postgres"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    }

    @Test
    void withDatabaseNamesAnotherDatabaseOnTheSameServerWithTheSameParameters() {
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://127.0.0.1:5432/test?user=postgres", "scratch"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/scratch?user=postgres");
        assertThat(JdbcUrls.withDatabase("jdbc:mariadb://h/test?user=root&sslMode=disable", "x"))
                .isEqualTo("jdbc:mariadb://h/x?user=root&sslMode=disable");
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://h:5432", "x")).isEqualTo("jdbc:postgresql://h:5432/x");
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://h?user=u", "x")).isEqualTo("jdbc:postgresql://h/x?user=u");
        assertThatThrownBy(() -> JdbcUrls.withDatabase("jdbc:sqlite:/tmp/a.db", "x"))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("url");
    }
}
