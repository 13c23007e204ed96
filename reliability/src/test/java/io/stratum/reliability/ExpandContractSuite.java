package io.stratum.reliability;

import static io.stratum.codegen.jooq.Tables.TASKS;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.Json;
import io.stratum.SchemaState;
import io.stratum.queue.Claimed;
import io.stratum.task.NewTask;
import io.stratum.task.TaskId;
import io.stratum.task.TaskStatus;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.changelog.FastCheckService;
import liquibase.command.CommandScope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schema evolution while workers run (expand/contract): four worker threads claim and complete while an
 * application changelog that includes Stratum's adds a nullable column to {@code tasks}, the test backfills it in
 * batches of 500 rows (short transactions, none spanning batches), and a second update adds an index on it (on PostgreSQL
 * {@code CREATE INDEX CONCURRENTLY} outside a transaction). No worker sees an error, every task is completed
 * exactly once, the column is filled and indexed, and Stratum still finds its schema current, listing the
 * application's changesets as others'. Claim latency before and during the migration is logged, never asserted.
 */
abstract class ExpandContractSuite extends StoreSuite {
    private static final Logger LOG = LoggerFactory.getLogger(ExpandContractSuite.class);

    static final String CHANGELOG = "db/expand/changelog.xml";
    private static final int TASKS_TOTAL = 16_000;
    private static final int WORKERS = 4;
    private static final int CLAIM_BATCH = 8;
    private static final int BACKFILL_BATCH = 500;
    private static final Duration LEASE = Duration.ofSeconds(60);
    /** What a worker "does" with each task, so that the queue lasts well beyond the migration. */
    private static final Duration WORK = Duration.ofMillis(2);
    /** Completions before the baseline window opens (connections, JIT): not measured. */
    private static final int WARMUP_COMPLETIONS = 250;
    /** Completions before the migration starts: the end of the baseline window. */
    private static final int BASELINE_COMPLETIONS = TASKS_TOTAL / 5;

    private static final String INDEX = "ix_tasks_routing_key";
    private static final Field<String> ROUTING_KEY = DSL.field(DSL.name("routing_key"), SQLDataType.CLOB);

    /** One claim call: when it started and how long it took, in nanoseconds. */
    private record ClaimCall(long startedAt, long nanos) {}

    /** One completion: the task and when its complete call returned. */
    private record Completion(UUID task, long at) {}

    @Test
    void workersRunThroughAnExpandMigration() throws Exception {
        List<NewTask> batch = new ArrayList<>();
        for (int i = 0; i < TASKS_TOTAL; i++) {
            batch.add(NewTask.builder("task " + i, "agent-" + (i % 4)).build());
        }
        Set<UUID> submitted = new HashSet<>();
        for (int from = 0; from < TASKS_TOTAL; from += 1_000) {
            for (TaskId id : db.tasks().submitAll(batch.subList(from, Math.min(TASKS_TOTAL, from + 1_000)))) {
                submitted.add(id.value());
            }
        }
        assertThat(submitted).hasSize(TASKS_TOTAL);

        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger completed = new AtomicInteger();
        ConcurrentLinkedQueue<Completion> completions = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<ClaimCall> claims = new ConcurrentLinkedQueue<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            String name = "worker-" + w;
            workers.add(Thread.ofPlatform()
                    .name(name)
                    .start(() -> work(name, stop, completed, completions, claims, failures)));
        }

        long warmedUp;
        long migrationStarted;
        long migrationEnded;
        long columnAdded;
        long backfilled;
        int backfillBatches;
        try {
            awaitCompletions(completed, WARMUP_COMPLETIONS, failures);
            warmedUp = System.nanoTime();
            awaitCompletions(completed, BASELINE_COMPLETIONS, failures);
            migrationStarted = System.nanoTime();
            applyChangelog(db.dataSource(), "expand-column");
            columnAdded = System.nanoTime();
            backfillBatches = backfill(db.dsl());
            backfilled = System.nanoTime();
            applyChangelog(db.dataSource(), null);
            migrationEnded = System.nanoTime();
            assertThat(completed.get())
                    .as("tasks left when the migration ended; raise TASKS_TOTAL or WORK if the workers ran out")
                    .isLessThan(TASKS_TOTAL);
            awaitCompletions(completed, TASKS_TOTAL, failures);
        } finally {
            stop.set(true);
            for (Thread worker : workers) {
                worker.join(TimeUnit.SECONDS.toMillis(60));
            }
        }

        assertThat(failures).as("errors that reached a worker").isEmpty();

        // Every task completed exactly once: by the workers' own record and by the database's.
        List<UUID> completedIds = completions.stream().map(Completion::task).toList();
        assertThat(completedIds).as("completions recorded").hasSize(TASKS_TOTAL).doesNotHaveDuplicates();
        assertThat(new HashSet<>(completedIds)).isEqualTo(submitted);
        DSLContext dsl = db.dsl();
        Map<UUID, String> statuses =
                dsl.select(TASKS.ID, TASKS.STATUS).from(TASKS).fetchMap(TASKS.ID, TASKS.STATUS);
        assertThat(statuses.keySet()).isEqualTo(submitted);
        assertThat(statuses.values().stream().collect(Collectors.toSet()))
                .containsExactly(TaskStatus.COMPLETED.dbValue());

        // The race happened: completions before, during and after the migration.
        long before =
                completions.stream().filter(c -> c.at() < migrationStarted).count();
        long during = completions.stream()
                .filter(c -> c.at() >= migrationStarted && c.at() <= migrationEnded)
                .count();
        long after = completions.stream().filter(c -> c.at() > migrationEnded).count();
        assertThat(before).as("completions before the migration").isPositive();
        assertThat(during).as("completions during the migration").isPositive();
        assertThat(after).as("completions after the migration").isPositive();

        // The expand steps landed, and the table kept its constraints.
        assertThat(dsl.fetchCount(TASKS, ROUTING_KEY.isNull()))
                .as("rows not backfilled")
                .isZero();
        assertThat(dsl.fetchCount(TASKS, ROUTING_KEY.eq(expectedRoutingKey())))
                .as("rows with the backfilled value")
                .isEqualTo(TASKS_TOTAL);
        assertIndexUsable(dsl);
        assertTaskConstraintsKept(dsl);

        SchemaState state = db.schema().state();
        assertThat(state.upToDate()).as("Stratum's schema is current: " + state).isTrue();
        assertThat(state.others()).containsExactly(columnChangeSet() + "::expand", indexChangeSet() + "::expand");

        List<ClaimCall> calls = new ArrayList<>(claims);
        long[] baseline = nanos(calls, c -> c.startedAt() >= warmedUp && c.startedAt() < migrationStarted);
        long[] migrating = nanos(calls, c -> c.startedAt() >= migrationStarted && c.startedAt() <= migrationEnded);
        String figures = String.format(
                "%d tasks, %d workers claiming %d under a %d ms lease and working %d ms per task; claim p50/p99"
                        + " before the migration %s/%s ms (%d claims), during it %s/%s ms (%d claims); migration"
                        + " %d ms (add column %d ms, backfill %d batches of %d in %d ms, index %d ms);"
                        + " completions before/during/after: %d/%d/%d",
                TASKS_TOTAL,
                WORKERS,
                CLAIM_BATCH,
                LEASE.toMillis(),
                WORK.toMillis(),
                millis(percentile(baseline, 0.50)),
                millis(percentile(baseline, 0.99)),
                baseline.length,
                millis(percentile(migrating, 0.50)),
                millis(percentile(migrating, 0.99)),
                migrating.length,
                TimeUnit.NANOSECONDS.toMillis(migrationEnded - migrationStarted),
                TimeUnit.NANOSECONDS.toMillis(columnAdded - migrationStarted),
                backfillBatches,
                BACKFILL_BATCH,
                TimeUnit.NANOSECONDS.toMillis(backfilled - columnAdded),
                TimeUnit.NANOSECONDS.toMillis(migrationEnded - backfilled),
                before,
                during,
                after);
        LOG.info("{} on {}: {}", getClass().getSimpleName(), db.backendName(), figures);
        Figures.record("expand-contract." + getClass().getSimpleName(), figures);
    }

    private void work(
            String name,
            AtomicBoolean stop,
            AtomicInteger completed,
            ConcurrentLinkedQueue<Completion> completions,
            ConcurrentLinkedQueue<ClaimCall> claims,
            List<Throwable> failures) {
        try {
            while (!stop.get()) {
                long started = System.nanoTime();
                List<Claimed> claimed = db.queue().claim(name, CLAIM_BATCH, LEASE);
                claims.add(new ClaimCall(started, System.nanoTime() - started));
                if (claimed.isEmpty()) {
                    Thread.sleep(10);
                    continue;
                }
                for (Claimed task : claimed) {
                    Thread.sleep(WORK);
                    db.queue().complete(task.lease(), Json.of("{\"by\":\"" + name + "\"}"));
                    completions.add(new Completion(task.task().id().value(), System.nanoTime()));
                    completed.incrementAndGet();
                }
            }
        } catch (Throwable e) {
            LOG.error("{} failed", name, e);
            failures.add(e);
        }
    }

    /**
     * Fills the new column 500 rows at a time in key order: each batch reads the next unfilled keys, then updates
     * those rows, each statement committing on its own (no transaction spans batches), never one UPDATE over the
     * whole table. Returns the number of batches.
     */
    private static int backfill(DSLContext dsl) {
        int batches = 0;
        UUID last = null;
        while (true) {
            List<UUID> ids = dsl.select(TASKS.ID)
                    .from(TASKS)
                    .where(ROUTING_KEY.isNull())
                    .and(last == null ? DSL.noCondition() : TASKS.ID.gt(last))
                    .orderBy(TASKS.ID)
                    .limit(BACKFILL_BATCH)
                    .fetch(TASKS.ID);
            if (ids.isEmpty()) {
                return batches;
            }
            dsl.update(TASKS)
                    .set(ROUTING_KEY, expectedRoutingKey())
                    .where(TASKS.ID.in(ids))
                    .and(ROUTING_KEY.isNull())
                    .execute();
            batches++;
            last = ids.getLast();
        }
    }

    private static Field<String> expectedRoutingKey() {
        return DSL.concat(TASKS.AGENT_TYPE, DSL.inline("/"), TASKS.SUMMARY);
    }

    /** Liquibase's update command on the store's own pool, with the application's changelog. */
    static void applyChangelog(DataSource dataSource, String labelFilter) {
        try (Connection connection = dataSource.getConnection()) {
            Database database =
                    DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Scope.getCurrentScope().getSingleton(FastCheckService.class).clearCache();
            Map<String, Object> scope = Map.of(
                    Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(),
                    Scope.Attr.ui.name(), new LoggerUIService());
            Scope.child(scope, () -> {
                CommandScope update = new CommandScope("update")
                        .addArgumentValue("database", database)
                        .addArgumentValue("changelogFile", CHANGELOG);
                if (labelFilter != null) {
                    update.addArgumentValue("labelFilter", labelFilter);
                }
                update.execute();
            });
        } catch (Exception e) {
            throw new IllegalStateException("applying " + CHANGELOG + " failed", e);
        }
    }

    private String columnChangeSet() {
        return isPostgres() ? "expand-001-tasks-routing-key" : "expand-001-tasks-routing-key-sqlite";
    }

    private String indexChangeSet() {
        return isPostgres() ? "expand-002-ix-tasks-routing-key" : "expand-002-ix-tasks-routing-key-sqlite";
    }

    private boolean isPostgres() {
        return "postgresql".equals(db.backendName());
    }

    private void assertIndexUsable(DSLContext dsl) {
        if (isPostgres()) {
            assertThat(dsl.fetchOptional(
                                    "select i.indisvalid and i.indisready from pg_index i"
                                            + " join pg_class c on c.oid = i.indexrelid where c.relname = ?",
                                    INDEX)
                            .map(r -> r.get(0, Boolean.class)))
                    .as("index " + INDEX + " exists and is valid")
                    .contains(true);
        } else {
            assertThat(dsl.fetchOptional("select sql from sqlite_master where type = 'index' and name = ?", INDEX)
                            .map(r -> r.get(0, String.class)))
                    .as("index " + INDEX)
                    .hasValueSatisfying(sql -> assertThat(sql).containsIgnoringCase("routing_key"));
        }
    }

    /** The migration did not rebuild {@code tasks} without its named CHECK constraints. */
    private void assertTaskConstraintsKept(DSLContext dsl) {
        if (isPostgres()) {
            assertThat(dsl.fetch("select conname from pg_constraint where conrelid = 'tasks'::regclass"
                                    + " and contype = 'c'")
                            .getValues(0, String.class))
                    .contains("ck_tasks_status", "ck_tasks_priority");
        } else {
            assertThat(dsl.fetchSingle("select sql from sqlite_master where type = 'table' and name = 'tasks'")
                            .get(0, String.class))
                    .contains("ck_tasks_status", "ck_tasks_priority");
        }
    }

    private static void awaitCompletions(AtomicInteger completed, int count, List<Throwable> failures)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (completed.get() < count && failures.isEmpty()) {
            assertThat(System.nanoTime())
                    .as("waiting for " + count + " completions, have " + completed.get())
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static long[] nanos(List<ClaimCall> calls, java.util.function.Predicate<ClaimCall> window) {
        return calls.stream()
                .filter(window)
                .mapToLong(ClaimCall::nanos)
                .sorted()
                .toArray();
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }

    private static String millis(long nanos) {
        return String.format("%.2f", nanos / 1_000_000.0);
    }
}
