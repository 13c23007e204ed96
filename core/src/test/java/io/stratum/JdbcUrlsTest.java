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
    void userInfoPasswordsAreMaskedInEveryForm() {
        assertThat(JdbcUrls.redact("jdbc:mariadb://root:s3cret@127.0.0.1:3306/test?sslMode=disable"))
                .isEqualTo("jdbc:mariadb://root:***@127.0.0.1:3306/test?sslMode=disable");
        assertThat(JdbcUrls.redact("jdbc:mariadb://root:s3cret@127.0.0.1/test"))
                .isEqualTo("jdbc:mariadb://root:***@127.0.0.1/test");
        assertThat(JdbcUrls.redact("jdbc:mariadb:replication://u:s3cret@h1,h2/db"))
                .isEqualTo("jdbc:mariadb:replication://u:***@h1,h2/db");
        assertThat(JdbcUrls.redact("jdbc:postgresql://u:s3cret@h:5432/db?ssl=true"))
                .isEqualTo("jdbc:postgresql://u:***@h:5432/db?ssl=true");
        // a password holding @, / or : is masked whole: the user-info ends at the last @ before the query
        assertThat(JdbcUrls.redact("jdbc:mariadb://u:s3@c/r:et@h/db?user=x"))
                .isEqualTo("jdbc:mariadb://u:***@h/db?user=x");
        assertThat(JdbcUrls.redact("jdbc:postgresql://u:@h/db")).isEqualTo("jdbc:postgresql://u:***@h/db");
        assertThat(JdbcUrls.redact("jdbc:mariadb://u:s3cret@h/db?password=other"))
                .isEqualTo("jdbc:mariadb://u:***@h/db?password=***");
        assertThat(JdbcUrls.redact("jdbc:sqlite:file:/tmp/a.db?password=s3cret"))
                .doesNotContain("s3cret");
        assertThat(JdbcUrls.redact("jdbc:sqlite:file:/tmp/a.db?pwd=s3cret;x=1")).doesNotContain("s3cret");
    }

    @Test
    void aUrlInsideATextIsMaskedUpToItsEndOnly() {
        String trace = "failed to open jdbc:postgresql://u:s3cret@h/db: refused\n\tat io.stratum.Foo@1a2b\n"
                + "see jdbc:mariadb://h:3306/db then x@y";
        assertThat(JdbcUrls.redact(trace))
                .isEqualTo("failed to open jdbc:postgresql://u:***@h/db: refused\n\tat io.stratum.Foo@1a2b\n"
                        + "see jdbc:mariadb://h:3306/db then x@y");
    }

    @Test
    void aDriverMessageQuotingAUserInfoWithoutItsSlashesIsMasked() {
        assertThat(JdbcUrls.redactUserInfo("mariadb: Incorrect port value : s3cret@127.0.0.1"))
                .isEqualTo("mariadb: Incorrect port value : ***@127.0.0.1");
        assertThat(JdbcUrls.redactUserInfo("Incorrect port value : s3:cr/et@h")).doesNotContain("s3", "cr", "et@");
        assertThat(JdbcUrls.redactUserInfo(null)).isNull();
    }

    @Test
    void userInfoPasswordsAreFoundAndUserOnlyUserInfoIsNot() {
        assertThat(JdbcUrls.hasUserInfoPassword("jdbc:mariadb://root:s3cret@127.0.0.1:3306/test"))
                .isTrue();
        assertThat(JdbcUrls.hasUserInfoPassword("jdbc:postgresql://u:p@h/db")).isTrue();
        assertThat(JdbcUrls.hasUserInfoPassword("jdbc:mariadb://root@127.0.0.1:3306/test"))
                .isFalse();
        assertThat(JdbcUrls.hasUserInfoPassword("jdbc:mariadb://127.0.0.1:3306/test?user=a@corp&password=p"))
                .isFalse();
        assertThat(JdbcUrls.hasUserInfoPassword("jdbc:postgresql://127.0.0.1:5432/test?user=postgres"))
                .isFalse();
        assertThat(JdbcUrls.hasUserInfoPassword("jdbc:sqlite:/tmp/a@b.db")).isFalse();
        assertThat(JdbcUrls.hasUserInfoPassword("jdbc:sqlite:file:///tmp/a@b.db"))
                .isFalse();
        assertThat(JdbcUrls.hasUserInfoPassword(null)).isFalse();
    }

    @Test
    void urlsWithoutPasswordsAreUnchanged() {
        assertThat(JdbcUrls.redact("jdbc:sqlite:/tmp/a.db")).isEqualTo("jdbc:sqlite:/tmp/a.db");
        assertThat(JdbcUrls.redact("jdbc:postgresql://127.0.0.1:5432/test?user=postgres"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        assertThat(JdbcUrls.redact("jdbc:mariadb://root@127.0.0.1:3306/test?user=a@corp"))
                .isEqualTo("jdbc:mariadb://root@127.0.0.1:3306/test?user=a@corp");
        assertThat(JdbcUrls.redact("jdbc:sqlite:file:///tmp/a@b.db")).isEqualTo("jdbc:sqlite:file:///tmp/a@b.db");
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
