package io.stratum.testkit.tck;

import static io.stratum.codegen.jooq.Tables.TASKS;
import static io.stratum.codegen.jooq.Tables.TASK_DEPENDENCIES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.ConstraintViolation;
import io.stratum.codegen.jooq.tables.records.TasksRecord;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The schema's constraints hold on their own, for writers that bypass Stratum's validation (the application's
 * own jOOQ queries, other tools): each one is enforced by the database and reported by name.
 */
public abstract class SchemaConstraintContract extends ContractSupport {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-01-01T00:00:00Z");

    private TasksRecord validRow() {
        TasksRecord r = db.dsl().newRecord(TASKS);
        r.set(TASKS.ID, UUID.randomUUID());
        r.set(TASKS.SUMMARY, "raw");
        r.set(TASKS.DESCRIPTION, "");
        r.set(TASKS.AGENT_TYPE, "coder");
        r.set(TASKS.PRIORITY, 5);
        r.set(TASKS.CALCULATED_PRIORITY, 5.0);
        r.set(TASKS.STATUS, "ready");
        r.set(TASKS.DEPENDENCY_TYPE, "sequential");
        r.set(TASKS.DEPENDENCY_DEPTH, 0);
        r.set(TASKS.RETRY_COUNT, 0);
        r.set(TASKS.MAX_RETRIES, 3);
        r.set(TASKS.MAX_EXECUTION_TIMEOUT_SECONDS, 3600);
        r.set(TASKS.SUBMITTED_AT, NOW);
        r.set(TASKS.LAST_UPDATED_AT, NOW);
        r.set(TASKS.SOURCE, "human");
        r.set(TASKS.VERSION, 0L);
        r.set(TASKS.RUN_AFTER, NOW);
        return r;
    }

    private void insert(TasksRecord row) {
        db.dsl().insertInto(TASKS).set(row).execute();
    }

    static Stream<Arguments> brokenRows() {
        return Stream.of(
                broken("ck_tasks_summary_length", r -> r.set(TASKS.SUMMARY, "x".repeat(141))),
                broken("ck_tasks_summary_length", r -> r.set(TASKS.SUMMARY, "")),
                broken("ck_tasks_priority", r -> r.set(TASKS.PRIORITY, 11)),
                broken("ck_tasks_priority", r -> r.set(TASKS.PRIORITY, -1)),
                broken("ck_tasks_status", r -> r.set(TASKS.STATUS, "sleeping")),
                broken("ck_tasks_status", r -> r.set(TASKS.STATUS, "READY")),
                broken("ck_tasks_source", r -> r.set(TASKS.SOURCE, "robot")),
                broken("ck_tasks_dependency_type", r -> r.set(TASKS.DEPENDENCY_TYPE, "random")),
                broken("ck_tasks_retry_count", r -> r.set(TASKS.RETRY_COUNT, -1)),
                broken("ck_tasks_max_retries", r -> r.set(TASKS.MAX_RETRIES, -1)),
                broken("ck_tasks_depth", r -> r.set(TASKS.DEPENDENCY_DEPTH, -1)));
    }

    private static Arguments broken(String constraint, Consumer<TasksRecord> breaker) {
        return Arguments.of(constraint, breaker);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRows")
    void checkConstraintIsEnforcedAndNamed(String constraint, Consumer<TasksRecord> breaker) {
        TasksRecord row = validRow();
        breaker.accept(row);
        assertThatThrownBy(() -> insert(row)).isInstanceOfSatisfying(ConstraintViolation.class, e -> {
            assertThat(e.kind()).isEqualTo(ConstraintViolation.Kind.CHECK);
            assertThat(e.constraint()).isEqualTo(constraint);
        });
        assertThat(db.dsl().fetchCount(TASKS)).isZero();
    }

    @Test
    void summaryOfExactly140CharactersIsAccepted() {
        TasksRecord row = validRow();
        row.set(TASKS.SUMMARY, "é".repeat(140));
        insert(row);
        assertThat(db.dsl().fetchCount(TASKS)).isEqualTo(1);
    }

    @Test
    void foreignKeysAreEnforced() {
        TasksRecord row = validRow();
        row.set(TASKS.PARENT_TASK_ID, UUID.randomUUID());
        assertThatThrownBy(() -> insert(row))
                .isInstanceOfSatisfying(
                        ConstraintViolation.class,
                        e -> assertThat(e.kind()).isEqualTo(ConstraintViolation.Kind.FOREIGN_KEY));
    }

    @Test
    void dependencyOnItselfIsRefused() {
        TasksRecord row = validRow();
        insert(row);
        UUID id = row.get(TASKS.ID);
        assertThatThrownBy(() -> db.dsl()
                        .insertInto(TASK_DEPENDENCIES)
                        .set(TASK_DEPENDENCIES.TASK_ID, id)
                        .set(TASK_DEPENDENCIES.DEPENDS_ON_ID, id)
                        .execute())
                .isInstanceOfSatisfying(
                        ConstraintViolation.class,
                        e -> assertThat(e.constraint()).isEqualTo("ck_task_dependencies_not_self"));
    }

    @Test
    void duplicateIdempotencyKeyIsAUniqueViolation() {
        TasksRecord first = validRow();
        first.set(TASKS.IDEMPOTENCY_KEY, "k");
        insert(first);
        TasksRecord second = validRow();
        second.set(TASKS.IDEMPOTENCY_KEY, "k");
        assertThatThrownBy(() -> insert(second))
                .isInstanceOfSatisfying(
                        ConstraintViolation.class,
                        e -> assertThat(e.kind()).isEqualTo(ConstraintViolation.Kind.UNIQUE));
    }

    @Test
    void deletingATaskCascadesToItsDependencyEdges() {
        TasksRecord a = validRow();
        TasksRecord b = validRow();
        insert(a);
        insert(b);
        db.dsl()
                .insertInto(TASK_DEPENDENCIES)
                .set(TASK_DEPENDENCIES.TASK_ID, b.get(TASKS.ID))
                .set(TASK_DEPENDENCIES.DEPENDS_ON_ID, a.get(TASKS.ID))
                .execute();
        db.dsl().deleteFrom(TASKS).where(TASKS.ID.eq(a.get(TASKS.ID))).execute();
        assertThat(db.dsl().fetchCount(TASK_DEPENDENCIES)).isZero();
    }
}
