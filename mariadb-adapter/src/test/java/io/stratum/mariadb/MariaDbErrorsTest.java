package io.stratum.mariadb;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.spi.SqlFailure;
import io.stratum.spi.SqlFailure.Kind;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** MariaDB's error codes and messages, as the server words them, classified without a server. */
class MariaDbErrorsTest {
    private static SqlFailure classify(int code, String state, String message) {
        return MariaDbErrors.classify(new SQLException(message, state, code));
    }

    @Test
    void constraintViolationsNameTheConstraint() {
        assertThat(classify(1062, "23000", "Duplicate entry 'k' for key 'uq_tasks_idempotency_key'"))
                .isEqualTo(new SqlFailure(Kind.UNIQUE_VIOLATION, "uq_tasks_idempotency_key"));
        assertThat(classify(
                        1452,
                        "23000",
                        "Cannot add or update a child row: a foreign key constraint fails (`db`.`tasks`, CONSTRAINT"
                                + " `fk_tasks_session` FOREIGN KEY (`session_id`) REFERENCES `sessions` (`id`) ON"
                                + " DELETE SET NULL)"))
                .isEqualTo(new SqlFailure(Kind.FOREIGN_KEY_VIOLATION, "fk_tasks_session"));
        assertThat(
                        classify(
                                1451,
                                "23000",
                                "Cannot delete or update a parent row: a foreign key constraint fails"
                                        + " (`db`.`task_dependencies`, CONSTRAINT `fk_task_dependencies_task` FOREIGN KEY ...)"))
                .isEqualTo(new SqlFailure(Kind.FOREIGN_KEY_VIOLATION, "fk_task_dependencies_task"));
        assertThat(classify(4025, "23000", "CONSTRAINT `ck_tasks_priority` failed for `db`.`tasks`"))
                .isEqualTo(new SqlFailure(Kind.CHECK_VIOLATION, "ck_tasks_priority"));
        assertThat(classify(1048, "23000", "Column 'summary' cannot be null"))
                .isEqualTo(new SqlFailure(Kind.NOT_NULL_VIOLATION, "summary"));
    }

    @Test
    void lockConflictsAreRetryableKinds() {
        assertThat(classify(1213, "40001", "Deadlock found when trying to get lock; try restarting transaction")
                        .kind())
                .isEqualTo(Kind.DEADLOCK);
        assertThat(classify(1205, "HY000", "Lock wait timeout exceeded; try restarting transaction")
                        .kind())
                .isEqualTo(Kind.BUSY);
    }

    @Test
    void connectionLossAndConfiguration() {
        assertThat(classify(0, "08000", "Socket error").kind()).isEqualTo(Kind.CONNECTION);
        assertThat(classify(0, "08S01", "Communications link failure").kind()).isEqualTo(Kind.CONNECTION);
        assertThat(classify(1045, "28000", "Access denied for user 'x'@'localhost'")
                        .kind())
                .isEqualTo(Kind.CONFIGURATION);
        assertThat(classify(1049, "42000", "Unknown database 'nope'").kind()).isEqualTo(Kind.CONFIGURATION);
        assertThat(classify(
                                0,
                                "08000",
                                "(conn=7) Trying to connect with ssl, but ssl not enabled in the server. TLS is enabled"
                                        + " by default, set sslMode=disable to permit unencrypted connection")
                        .kind())
                .isEqualTo(Kind.CONFIGURATION);
        assertThat(classify(4151, "HY000", "Access denied, this account is locked")
                        .kind())
                .isEqualTo(Kind.CONFIGURATION);
        assertThat(MariaDbErrors.classify(new SQLTransientConnectionException("pool timeout"))
                        .kind())
                .isEqualTo(Kind.TIMEOUT);
        assertThat(classify(1064, "42000", "You have an error in your SQL syntax")
                        .kind())
                .isEqualTo(Kind.OTHER);
    }

    @Test
    void connectorJsComplaintsAboutTheUrlAreInvalidUrls() {
        assertThat(classify(0, null, "Incorrect port value : s3cret@127.0.0.1").kind())
                .isEqualTo(Kind.INVALID_URL);
        assertThat(classify(0, null, "Optional parameter connectTimeout must be Integer, was 'x'")
                        .kind())
                .isEqualTo(Kind.INVALID_URL);
        assertThat(classify(0, null, "error parsing url: x").kind()).isEqualTo(Kind.INVALID_URL);
        assertThat(classify(1064, "42000", "Incorrect port value in a statement")
                        .kind())
                .isNotEqualTo(Kind.INVALID_URL);
    }
}
