package io.stratum.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.InvalidInput;
import io.stratum.Json;
import io.stratum.SchemaState;
import io.stratum.Stratum;
import io.stratum.queue.Claimed;
import io.stratum.task.NewTask;
import io.stratum.task.TaskFilters;
import io.stratum.task.TaskId;
import io.stratum.task.TaskStatus;
import io.stratum.testkit.tck.ScratchDatabases;
import java.time.Duration;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stratum side by side with an application in one database: Stratum's tables and Liquibase history in a schema of
 * their own, the application's in {@code public}, with a table named {@code tasks} and a history of its own.
 */
class PostgresOwnSchemaTest {
    /** The application's own table of the same name as one of Stratum's. */
    private static final Table<Record> APP_TASKS = DSL.table(DSL.name("public", "tasks"));

    private static final Field<String> TITLE = DSL.field(DSL.name("title"), SQLDataType.VARCHAR);
    private static final Table<Record> INVOICES = DSL.table(DSL.name("invoices"));
    private static final Field<String> TASK_ID = DSL.field(DSL.name("task_id"), SQLDataType.VARCHAR);

    private ScratchDatabases databases;
    private String url;

    @BeforeEach
    void applicationDatabase() {
        databases = ScratchDatabases.of("postgresql");
        url = databases.freshUrl();
        try (Stratum plain = Stratum.open(url)) {
            DSLContext dsl = plain.dsl();
            dsl.execute("CREATE TABLE public.tasks (id BIGINT PRIMARY KEY, title VARCHAR(100) NOT NULL)");
            dsl.execute("INSERT INTO public.tasks VALUES (1, 'the application''s own task')");
            dsl.execute("CREATE TABLE public.invoices (task_id VARCHAR(36) PRIMARY KEY)");
            // The application's own Liquibase history, as its changelog left it.
            dsl.execute("CREATE TABLE public.databasechangelog (id VARCHAR(255), author VARCHAR(255),"
                    + " filename VARCHAR(255), dateexecuted TIMESTAMP, orderexecuted INT, tag VARCHAR(255))");
            dsl.execute("INSERT INTO public.databasechangelog VALUES ('app-001', 'app', 'app.xml', now(), 1, NULL)");
        }
    }

    @AfterEach
    void drop() {
        databases.close();
    }

    @Test
    void stratumMigratesIntoItsOwnSchemaBesideTheApplicationsTablesOfTheSameName() {
        try (Stratum db = Stratum.builder().url(url).schema("stratum").open()) {
            assertThat(db.schema().state().applied()).isZero();
            db.migrate();

            SchemaState state = db.schema().state();
            assertThat(state.upToDate()).isTrue();
            assertThat(state.others())
                    .as("the application's history is not Stratum's")
                    .isEmpty();
            assertThat(tablesOf(db, "stratum")).contains("tasks", "sessions", "databasechangelog");
            assertThat(tablesOf(db, "public")).containsExactlyInAnyOrder("tasks", "invoices", "databasechangelog");
            assertThat(db.dsl().fetchCount(DSL.table(DSL.name("public", "databasechangelog"))))
                    .isOne();

            TaskId id = db.tasks().submit(NewTask.builder("bill", "billing").build());
            assertThat(db.tasks().count(TaskFilters.all())).isOne();
            assertThat(db.dsl().select(TITLE).from(APP_TASKS).fetch(TITLE))
                    .containsExactly("the application's own task");

            db.migrate(); // idempotent
            db.schema().rollback(2);
            assertThat(db.schema().state().pending()).isEqualTo(2);
            db.migrate();
            assertThat(db.tasks().require(id).status()).isEqualTo(TaskStatus.READY);
        }
        try (Stratum withoutTheSchema = Stratum.open(url)) {
            SchemaState publicSchema = withoutTheSchema.schema().state();
            assertThat(publicSchema.applied())
                    .as("public holds no Stratum changeset")
                    .isZero();
            assertThat(publicSchema.others()).containsExactly("app-001::app");
        }
    }

    @Test
    void theApplicationsRowsAndStratumsCommitInOneTransaction() {
        try (Stratum db = Stratum.builder().url(url).schema("stratum").open()) {
            db.migrate();
            db.tasks().submit(NewTask.builder("bill", "billing").build());
            Claimed work = db.queue().claim("w", 1, Duration.ofMinutes(1)).getFirst();

            assertThatThrownBy(() -> db.transaction(tx -> {
                        tx.dsl()
                                .insertInto(INVOICES, TASK_ID)
                                .values(work.task().id().toString())
                                .execute();
                        tx.queue().complete(work.lease(), Json.of("{}"));
                        throw new IllegalStateException("fails after both writes");
                    }))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(db.dsl().fetchCount(INVOICES)).isZero();

            db.transaction(tx -> {
                tx.dsl()
                        .insertInto(INVOICES, TASK_ID)
                        .values(work.task().id().toString())
                        .execute();
                tx.queue().complete(work.lease(), Json.of("{}"));
            });
            assertThat(db.dsl().fetchCount(INVOICES)).isOne();
            assertThat(db.tasks().require(work.task().id()).status()).isEqualTo(TaskStatus.COMPLETED);
        }
    }

    @Test
    void aSchemaNameThatIsNotPlainIsRefusedBeforeAnythingOpens() {
        for (String name : List.of("", "Stratum", "stratum; drop table tasks", "1st", "a".repeat(64))) {
            assertThatThrownBy(() -> Stratum.builder().url(url).schema(name).build())
                    .isInstanceOf(InvalidInput.class)
                    .hasMessageContaining("schema");
        }
    }

    private static List<String> tablesOf(Stratum db, String schema) {
        return db.dsl()
                .fetch("SELECT table_name FROM information_schema.tables WHERE table_schema = ?", schema)
                .getValues(0, String.class);
    }
}
