package io.stratum.testkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.Busy;
import io.stratum.IllegalTransition;
import io.stratum.InvalidInput;
import io.stratum.Json;
import io.stratum.Page;
import io.stratum.PageRequest;
import io.stratum.Stratum;
import io.stratum.audit.AuditActions;
import io.stratum.audit.AuditEntry;
import io.stratum.audit.AuditQuery;
import io.stratum.audit.AuditRecord;
import io.stratum.memory.MemoryWrite;
import io.stratum.task.NewTask;
import io.stratum.task.Task;
import io.stratum.task.TaskFilters;
import io.stratum.task.TaskId;
import io.stratum.task.TaskStatus;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The audit trail: rows for every task status change and memory write, queries, the switch; every backend. */
public abstract class AuditContract extends ContractSupport {

    private List<AuditEntry> query(AuditQuery query) {
        return db.audit().query(query, PageRequest.first()).items();
    }

    private List<AuditEntry> about(String type, String id) {
        return query(AuditQuery.builder().entity(type, id).build());
    }

    @Test
    void everyTaskStatusChangeIsAudited() {
        TaskId id = db.tasks().submit(NewTask.builder("audited", "coder").build());
        db.tasks().updateStatus(id, TaskStatus.RUNNING);
        clock.advance(Duration.ofSeconds(1));
        db.tasks().updateStatus(id, TaskStatus.COMPLETED);
        assertThatThrownBy(() -> db.tasks().updateStatus(id, TaskStatus.READY)).isInstanceOf(IllegalTransition.class);

        List<AuditEntry> rows = about(AuditActions.TASK, id.toString());
        assertThat(rows).extracting(AuditEntry::action).containsOnly(AuditActions.TASK_STATUS);
        assertThat(rows)
                .extracting(e -> e.before().text())
                .containsExactly(
                        "{\"status\": \"ready\", \"version\": 0}", "{\"status\": \"running\", \"version\": 1}");
        assertThat(rows)
                .extracting(e -> e.after().text())
                .containsExactly(
                        "{\"status\": \"running\", \"version\": 1}", "{\"status\": \"completed\", \"version\": 2}");
        assertThat(rows.getLast().at()).isEqualTo(StoredTime.now(clock));
        assertThat(rows).extracting(AuditEntry::actor).containsOnlyNulls();
    }

    @Test
    void everyMemoryWriteIsAudited() {
        db.memory().put(MemoryWrite.of("ns", "k", Json.of("{\"a\": 1}")).by("writer"));
        clock.advance(Duration.ofMillis(1));
        db.memory().put(MemoryWrite.of("ns", "k", Json.of("[true]")).by("editor"));
        clock.advance(Duration.ofMillis(1));
        db.memory().delete("ns", "k", "cleaner");
        db.memory().delete("ns", "k", "cleaner"); // nothing live: no change, no row

        List<AuditEntry> rows = about(AuditActions.MEMORY, "ns#k");
        assertThat(rows)
                .extracting(AuditEntry::action)
                .containsExactly(AuditActions.MEMORY_PUT, AuditActions.MEMORY_PUT, AuditActions.MEMORY_DELETE);
        assertThat(rows).extracting(AuditEntry::actor).containsExactly("writer", "editor", "cleaner");
        assertThat(rows.get(0).before()).isNull();
        assertThat(rows.get(0).after().text()).isEqualTo("{\"value\": {\"a\": 1}, \"version\": 1}");
        assertThat(rows.get(1).before().text()).isEqualTo("{\"value\": {\"a\": 1}, \"version\": 1}");
        assertThat(rows.get(1).after().text()).isEqualTo("{\"value\": [true], \"version\": 2}");
        assertThat(rows.get(2).after().text()).isEqualTo("{\"value\": null, \"deleted\": true, \"version\": 3}");
    }

    @Test
    void queriesSelectByEntityAndTimeRange() {
        OffsetDateTime t0 = StoredTime.now(clock);
        db.memory().put("ns", "a", Json.of("1"));
        clock.advance(Duration.ofMinutes(1));
        OffsetDateTime t1 = StoredTime.now(clock);
        db.memory().put("ns", "a", Json.of("2"));
        db.memory().put("ns", "b", Json.of("3"));
        clock.advance(Duration.ofMinutes(1));
        OffsetDateTime t2 = StoredTime.now(clock);
        db.audit().record(AuditRecord.of("deploy", "service", "api").by("ci"));

        assertThat(query(AuditQuery.all())).hasSize(4);
        assertThat(about(AuditActions.MEMORY, "ns#a")).hasSize(2);
        assertThat(query(AuditQuery.builder().entityType(AuditActions.MEMORY).build()))
                .hasSize(3);
        assertThat(query(AuditQuery.builder().between(t1, t2).build()))
                .extracting(AuditEntry::entityId)
                .containsExactlyInAnyOrder("ns#a", "ns#b");
        assertThat(query(AuditQuery.builder()
                        .entity(AuditActions.MEMORY, "ns#a")
                        .between(t0, t1)
                        .build()))
                .extracting(e -> e.after().text())
                .containsExactly("{\"value\": 1, \"version\": 1}");
        assertThat(query(AuditQuery.builder().between(t2, null).build()))
                .extracting(AuditEntry::action)
                .containsExactly("deploy");
        assertThat(Pages.nth(page -> db.audit().query(AuditQuery.all(), page), 2, 1))
                .hasSize(2);
        assertThatThrownBy(() -> PageRequest.first(0)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void pagesOfEverySizeListEachMatchingRowOnceOldestFirst() {
        for (int i = 0; i < 20; i++) {
            if (i % 4 == 0) {
                clock.advance(Duration.ofMillis(1));
            }
            db.audit().record(AuditRecord.of("step", i % 5 == 0 ? "build" : "deploy", "run-" + i));
        }
        for (AuditQuery query :
                List.of(AuditQuery.builder().entityType("deploy").build(), AuditQuery.all())) {
            List<AuditEntry> all =
                    db.audit().query(query, PageRequest.first(1_000)).items();
            assertThat(all)
                    .as("%s", query)
                    .hasSizeGreaterThanOrEqualTo(16)
                    .extracting(AuditEntry::at)
                    .isSorted();
            for (int size : new int[] {1, 2, 3, 7, all.size(), all.size() + 1}) {
                assertThat(Pages.all(page -> db.audit().query(query, page), size))
                        .as("%s in pages of %d", query, size)
                        .containsExactlyElementsOf(all);
            }
        }
    }

    @Test
    void rowsStoredBeforeTheCursorShiftNoLaterPage() {
        for (int i = 0; i < 9; i++) {
            clock.advance(Duration.ofMillis(1));
            db.audit().record(AuditRecord.of("step", "deploy", "run-" + i));
        }
        List<AuditEntry> before = query(AuditQuery.all());
        Page<AuditEntry> first = db.audit().query(AuditQuery.all(), PageRequest.first(4));

        clock.advance(Duration.ofMillis(-20));
        AuditEntry backdated = db.audit().record(AuditRecord.of("backfill", "deploy", "run-0"));
        List<AuditEntry> seen = new ArrayList<>(first.items());
        seen.addAll(Pages.allFrom(page -> db.audit().query(AuditQuery.all(), page), first.next(4)));

        assertThat(seen).containsExactlyElementsOf(before).doesNotContain(backdated);
    }

    @Test
    void aCursorThisQueryDidNotHandOutIsInvalidInput() {
        db.audit().record(AuditRecord.of("step", "deploy", "run-1"));
        db.audit().record(AuditRecord.of("step", "deploy", "run-2"));
        String cursor = db.audit().query(AuditQuery.all(), PageRequest.first(1)).nextCursor();
        String[] parts = cursor.split("\\.");
        Pages.assertBadCursor(() -> db.audit().query(AuditQuery.all(), PageRequest.after("not a cursor", 10)));
        Pages.assertBadCursor(() -> db.audit().query(AuditQuery.all(), PageRequest.after(parts[0], 10)));
        Pages.assertBadCursor(() ->
                db.audit().query(AuditQuery.all(), PageRequest.after(parts[1] + "." + parts[0], 10)));
        Pages.assertBadCursor(() -> db.tasks().list(TaskFilters.all(), PageRequest.after(cursor, 10)));
    }

    @Test
    void applicationRowsRoundTrip() {
        AuditEntry written = db.audit()
                .record(AuditRecord.of("approve", "pull-request", "42")
                        .by("reviewer")
                        .withChange(Json.of("{\"state\": \"open\"}"), Json.of("{\"state\": \"approved\"}")));

        assertThat(query(AuditQuery.builder().entity("pull-request", "42").build()))
                .containsExactly(written);
        assertThat(written.id().version()).isEqualTo(7);
        assertThatThrownBy(() -> AuditRecord.of(" ", "t", "1"))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("action"));
        assertThatThrownBy(() -> AuditRecord.of("a", "t", null))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("entityId"));
    }

    @Test
    void automaticRowsCanBeSwitchedOffPerStoreAndTheStoreActorIsRecorded() {
        try (Stratum quiet = openMigrated(settings -> settings.audit(false).actor("scheduler"))) {
            TaskId id =
                    quiet.tasks().submit(NewTask.builder("unaudited", "coder").build());
            quiet.tasks().updateStatus(id, TaskStatus.RUNNING);
            quiet.memory().put("ns", "k", Json.of("1"));
            assertThat(quiet.audit()
                            .query(AuditQuery.all(), PageRequest.first())
                            .items())
                    .isEmpty();
            assertThat(quiet.memory().get("ns", "k").orElseThrow().createdBy()).isEqualTo("scheduler");

            AuditEntry own = quiet.audit().record(AuditRecord.of("note", "task", id.toString()));
            assertThat(own.actor()).isEqualTo("scheduler");
            assertThat(quiet.audit()
                            .query(AuditQuery.all(), PageRequest.first())
                            .items())
                    .containsExactly(own);
        }
    }

    @Test
    void auditRowsMatchChangesOneToOneUnderEightConcurrentThreads() throws Exception {
        List<TaskId> tasks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tasks.add(
                    db.tasks().submit(NewTask.builder("contended " + i, "coder").build()));
        }
        List<String> keys = List.of("k0", "k1", "k2");
        Map<Object, AtomicInteger> changes = new ConcurrentHashMap<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(pool.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int i = 0; i < 30; i++) {
                        String key = keys.get(random.nextInt(keys.size()));
                        TaskId task = tasks.get(random.nextInt(tasks.size()));
                        TaskStatus target = random.nextBoolean() ? TaskStatus.READY : TaskStatus.PENDING;
                        try {
                            switch (i % 3) {
                                case 0 -> db.memory().put("ns", key, Json.of(Integer.toString(i)));
                                case 1 -> db.tasks().updateStatus(task, target);
                                default ->
                                    db.transaction(tx -> {
                                        tx.memory().put("ns", key, Json.of("\"both\""));
                                        tx.tasks().updateStatus(task, target);
                                    });
                            }
                        } catch (IllegalTransition | Busy nothingChanged) {
                            continue;
                        }
                        if (i % 3 != 1) {
                            changes.computeIfAbsent(key, k -> new AtomicInteger())
                                    .incrementAndGet();
                        }
                        if (i % 3 != 0) {
                            changes.computeIfAbsent(task, k -> new AtomicInteger())
                                    .incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }

        for (String key : keys) {
            int written = changes.getOrDefault(key, new AtomicInteger()).get();
            List<AuditEntry> rows = about(AuditActions.MEMORY, "ns#" + key);
            assertThat(db.memory().history("ns", key, PageRequest.first(1000)).items())
                    .hasSize(written);
            assertThat(rows).hasSize(written);
            assertThat(rows)
                    .extracting(e -> versionIn(e.after().text()))
                    .containsExactlyInAnyOrderElementsOf(
                            db.memory().history("ns", key, PageRequest.first(1000)).items().stream()
                                    .map(m -> m.version())
                                    .toList());
        }
        for (TaskId id : tasks) {
            int moved = changes.getOrDefault(id, new AtomicInteger()).get();
            Task task = db.tasks().require(id);
            List<AuditEntry> rows = new ArrayList<>(about(AuditActions.TASK, id.toString()));
            rows.sort(Comparator.comparingLong(e -> versionIn(e.after().text())));
            assertThat(task.version()).isEqualTo(moved);
            assertThat(rows).hasSize(moved);
            for (int v = 0; v < rows.size(); v++) {
                assertThat(versionIn(rows.get(v).before().text())).isEqualTo(v);
                assertThat(versionIn(rows.get(v).after().text())).isEqualTo(v + 1);
            }
            if (!rows.isEmpty()) {
                assertThat(rows.getLast().after().text())
                        .contains("\"" + task.status().dbValue() + "\"");
            }
        }
        assertThat(changes.values().stream().mapToInt(AtomicInteger::get).sum()).isPositive();
    }

    private static long versionIn(String stateJson) {
        int at = stateJson.indexOf("\"version\": ") + "\"version\": ".length();
        int end = at;
        while (end < stateJson.length() && Character.isDigit(stateJson.charAt(end))) {
            end++;
        }
        return Long.parseLong(stateJson.substring(at, end));
    }
}
