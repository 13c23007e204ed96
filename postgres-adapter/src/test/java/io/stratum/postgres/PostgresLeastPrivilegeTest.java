package io.stratum.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.DatabaseError;
import io.stratum.JdbcUrls;
import io.stratum.MigrationFailed;
import io.stratum.Stratum;
import io.stratum.task.NewTask;
import io.stratum.task.TaskFilters;
import io.stratum.task.TaskId;
import io.stratum.task.TaskStatus;
import io.stratum.testkit.tck.ScratchDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The least-privilege set-up of docs/schema-and-migrations.md: a migration role owns the schema, the application role has only DML
 * on it. After migrating as the owner, Stratum works as the application role, which can change no schema.
 */
class PostgresLeastPrivilegeTest {
    private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final String owner = "stratum_owner_" + suffix;
    private final String app = "stratum_app_" + suffix;
    private final String database = "stratum_lp_" + suffix;
    private String adminUrl;

    @BeforeEach
    void createRolesAndDatabase() throws SQLException {
        try (ScratchDatabases server = ScratchDatabases.of("postgresql")) {
            adminUrl = server.serverUrl();
        }
        execute(
                adminUrl,
                "CREATE ROLE " + owner + " LOGIN",
                "CREATE ROLE " + app + " LOGIN",
                "CREATE DATABASE " + database + " OWNER " + owner);
        String asAdminOnNewDb = JdbcUrls.withDatabase(adminUrl, database);
        // The script from docs/schema-and-migrations.md, run once by a superuser.
        execute(
                asAdminOnNewDb,
                "REVOKE ALL ON DATABASE " + database + " FROM PUBLIC",
                "GRANT CONNECT ON DATABASE " + database + " TO " + app,
                "ALTER SCHEMA public OWNER TO " + owner,
                "REVOKE ALL ON SCHEMA public FROM PUBLIC",
                "GRANT USAGE ON SCHEMA public TO " + app,
                "ALTER DEFAULT PRIVILEGES FOR ROLE " + owner + " IN SCHEMA public"
                        + " GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO " + app,
                "ALTER DEFAULT PRIVILEGES FOR ROLE " + owner + " IN SCHEMA public"
                        + " GRANT USAGE, SELECT ON SEQUENCES TO " + app);
    }

    @AfterEach
    void dropEverything() throws SQLException {
        execute(
                adminUrl,
                "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)",
                "DROP ROLE IF EXISTS " + app,
                "DROP ROLE IF EXISTS " + owner);
    }

    @Test
    void applicationRoleRunsStratumButCannotChangeTheSchema() throws SQLException {
        try (Stratum asOwner = Stratum.open(urlAs(owner))) {
            asOwner.migrate();
            // Liquibase's own tables exist only after the first migration; the application needs none of them.
            asOwner.dsl().execute("REVOKE ALL ON databasechangelog, databasechangeloglock FROM " + app);
        }
        try (Stratum asApp = Stratum.open(urlAs(app))) {
            TaskId first =
                    asApp.tasks().submit(NewTask.builder("first", "coder").build());
            TaskId second = asApp.tasks()
                    .submit(NewTask.builder("second", "coder").dependsOn(first).build());
            asApp.tasks().updateStatus(first, TaskStatus.RUNNING);
            asApp.tasks()
                    .update(asApp.tasks().require(second).toBuilder()
                            .priority(9)
                            .build());
            assertThat(asApp.tasks().count(TaskFilters.all())).isEqualTo(2);
            assertThat(asApp.tasks().delete(second)).isTrue();

            assertThatThrownBy(() -> asApp.dsl().execute("CREATE TABLE intruder (id int)"))
                    .isInstanceOf(DatabaseError.class)
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> asApp.dsl().execute("DROP TABLE tasks"))
                    .isInstanceOf(DatabaseError.class)
                    .hasMessageContaining("must be owner");
            assertThatThrownBy(() -> asApp.schema().rollback(1)).isInstanceOf(MigrationFailed.class);
        }
    }

    private String urlAs(String role) {
        String url = JdbcUrls.withDatabase(adminUrl, database);
        return url.replaceAll("([?&])user=[^&]*", "$1user=" + role);
    }

    private static void execute(String url, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
