package io.stratum.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.Json;
import io.stratum.PageRequest;
import io.stratum.agent.Agent;
import io.stratum.audit.AuditEntry;
import io.stratum.audit.AuditQuery;
import io.stratum.audit.AuditRecord;
import io.stratum.memory.MemoryEntry;
import io.stratum.memory.MemoryWrite;
import io.stratum.queue.Claimed;
import io.stratum.queue.Lease;
import io.stratum.queue.TaskQueue;
import io.stratum.session.NewSession;
import io.stratum.session.Session;
import io.stratum.session.SessionEvent;
import io.stratum.task.NewTask;
import io.stratum.task.Task;
import io.stratum.task.TaskFilters;
import io.stratum.task.TaskId;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every injection payload through every public method that takes a string: each call is refused with a typed
 * error or stores the payload literally and finds exactly what was stored; the tables survive.
 */
abstract class InjectionSweep extends StoreSuite {
    private static final String NS = "sweep";
    private static final Duration LEASE = Duration.ofMinutes(5);
    private int submitted;

    @Test
    void payloadsAreStoredLiterallyOrRefusedAndTablesSurvive() {
        TaskId sentinel =
                db.tasks().submit(NewTask.builder("sentinel", "sentinel").build());
        db.memory().put(NS, "sentinel", Json.of("true"));
        Outcomes outcomes = new Outcomes();
        for (int i = 0; i < Payloads.INJECTION.size(); i++) {
            String p = Payloads.INJECTION.get(i);
            Json json = Json.of(JsonStrings.object(p));
            tasks(outcomes, i, p, json);
            queue(outcomes, p, json);
            sessions(outcomes, p, json);
            agents(outcomes, p, json);
            memory(outcomes, i, p, json);
            audit(outcomes, p, json);
        }
        assertThat(db.tasks().require(sentinel).summary()).isEqualTo("sentinel");
        assertThat(db.memory().get(NS, "sentinel")).isPresent();
        Map<String, Integer> counts = Consistency.counts(db);
        assertThat(counts.get("tasks"))
                .as("tasks: the sentinel and every accepted submit")
                .isEqualTo(1 + submitted);
        Consistency.assertReferencesIntact(db);
        Consistency.assertSqliteIntegrity(db);
        assertThat(outcomes.accepted).as("payloads stored").isGreaterThan(Payloads.INJECTION.size() * 5);
        for (String call : List.of("queue.claim", "queue.complete", "queue.fail")) {
            assertThat(outcomes.accepted(call)).as(call + " accepted a payload").isPositive();
        }
        Figures.record(
                "injection." + getClass().getSimpleName(),
                outcomes.total() + " calls, " + outcomes.accepted + " stored literally, " + outcomes.refused
                        + " refused (typed)");
    }

    private void tasks(Outcomes outcomes, int i, String p, Json json) {
        TaskId id = outcomes.attempt(
                "tasks.submit",
                () -> db.tasks()
                        .submit(NewTask.builder(p, p)
                                .description(p)
                                .createdBy(p)
                                .featureBranch(p)
                                .taskBranch(p)
                                .worktreePath(p)
                                .idempotencyKey(p + "#" + i)
                                .inputData(json)
                                .build()));
        List<Task> byAgent = outcomes.attempt(
                "tasks.list",
                () -> db.tasks()
                        .list(
                                TaskFilters.builder()
                                        .agentType(p)
                                        .featureBranch(p)
                                        .build(),
                                PageRequest.first())
                        .items());
        Long count = outcomes.attempt(
                "tasks.count",
                () -> db.tasks().count(TaskFilters.builder().agentType(p).build()));
        if (id == null) {
            return;
        }
        submitted++;
        Task task = db.tasks().require(id);
        assertThat(List.of(
                        task.summary(),
                        task.description(),
                        task.agentType(),
                        task.createdBy(),
                        task.featureBranch(),
                        task.taskBranch(),
                        task.worktreePath()))
                .as(p)
                .containsOnly(p);
        assertThat(task.idempotencyKey()).isEqualTo(p + "#" + i);
        assertThat(task.inputData()).isEqualTo(json);
        assertThat(byAgent).extracting(Task::id).as(p).containsExactly(id);
        assertThat(count).as(p).isEqualTo(1L);
        Task updated = outcomes.attempt("tasks.update", () -> db.tasks().update(task));
        assertThat(updated).isNotNull();
    }

    /** Claims whatever is ready as worker {@code p}, then completes with the payload or fails with it as the error. */
    private void queue(Outcomes outcomes, String p, Json json) {
        List<Claimed> claimed = outcomes.attempt("queue.claim", () -> db.queue().claim(p, TaskQueue.MAX_CLAIM, LEASE));
        if (claimed == null) {
            return;
        }
        for (int n = 0; n < claimed.size(); n++) {
            Lease lease = claimed.get(n).lease();
            TaskId id = lease.taskId();
            assertThat(db.tasks().require(id).leaseOwner()).as(p).isEqualTo(p);
            assertThat(outcomes.attempt("queue.heartbeat", () -> db.queue().heartbeat(lease, LEASE)))
                    .isNotNull();
            if (n % 2 == 0) {
                outcomes.attempt("queue.complete", () -> {
                    db.queue().complete(lease, json);
                    return true;
                });
                assertThat(db.tasks().require(id).resultData()).as(p).isEqualTo(json);
            } else if (outcomes.attempt("queue.fail", () -> {
                        db.queue().fail(lease, p);
                        return true;
                    })
                    != null) {
                assertThat(db.tasks().require(id).errorMessage()).as(p).isEqualTo(p);
            }
        }
    }

    private void sessions(Outcomes outcomes, String p, Json json) {
        Session session =
                outcomes.attempt("sessions.create", () -> db.sessions().create(new NewSession(p, json, p)));
        if (session == null) {
            session = db.sessions().create(NewSession.named("holder"));
        } else {
            Session read = db.sessions().require(session.id());
            assertThat(List.of(read.name(), read.createdBy())).as(p).containsOnly(p);
            assertThat(read.metadata()).isEqualTo(json);
        }
        Session holder = session;
        SessionEvent event =
                outcomes.attempt("sessions.append", () -> db.sessions().append(holder.id(), p, json));
        if (event != null) {
            List<SessionEvent> events =
                    db.sessions().events(holder.id(), PageRequest.first(10)).items();
            assertThat(events).singleElement().satisfies(e -> {
                assertThat(e.type()).isEqualTo(p);
                assertThat(e.payload()).isEqualTo(json);
            });
        }
    }

    private void agents(Outcomes outcomes, String p, Json json) {
        Agent agent = outcomes.attempt("agents.register", () -> db.agents().register(p, p, json));
        if (agent != null) {
            Agent read = db.agents().require(agent.id());
            assertThat(List.of(read.agentType(), read.name())).as(p).containsOnly(p);
            assertThat(read.capabilities()).isEqualTo(json);
        }
    }

    private void memory(Outcomes outcomes, int i, String p, Json json) {
        String key = "k" + i;
        MemoryEntry literal = outcomes.attempt(
                "memory.put(value, actor)",
                () -> db.memory().put(MemoryWrite.of(NS, key, json).by(p)));
        if (literal != null) {
            assertThat(db.memory().get(NS, key)).hasValueSatisfying(e -> {
                assertThat(e.value()).isEqualTo(json);
                assertThat(e.createdBy()).isEqualTo(p);
            });
        }
        MemoryEntry keyed =
                outcomes.attempt("memory.put(key)", () -> db.memory().put(NS, p, json));
        outcomes.attempt("memory.put(namespace)", () -> db.memory().put(p, "k", json));
        var got = outcomes.attempt("memory.get", () -> db.memory().get(NS, p));
        if (keyed != null) {
            assertThat(got).hasValueSatisfying(e -> assertThat(e.value()).isEqualTo(json));
            assertThat(db.memory().history(NS, p, PageRequest.first(10)).items())
                    .hasSize(1);
        }
        List<MemoryEntry> listed = outcomes.attempt(
                "memory.list",
                () -> db.memory().list(NS, p, PageRequest.first(1000)).items());
        if (listed != null) {
            assertThat(listed).extracting(MemoryEntry::key).as(p).allMatch(k -> k.startsWith(p));
        }
        outcomes.attempt("memory.list(cursor)", () -> db.memory().list(NS, "", PageRequest.after(p, 1000)));
        List<MemoryEntry> found =
                outcomes.attempt("memory.search", () -> db.memory().search(NS, p, 1000));
        if (found != null) {
            String needle = p.toLowerCase(Locale.ROOT);
            assertThat(found)
                    .as(p)
                    .allMatch(e -> e.key().toLowerCase(Locale.ROOT).contains(needle)
                            || e.value().text().toLowerCase(Locale.ROOT).contains(needle));
            if (literal != null && Json.quote(p).equals('"' + p + '"')) {
                // Search matches the stored JSON text, where a quote or backslash appears escaped.
                assertThat(found).as(p).extracting(MemoryEntry::key).contains(key);
            }
        }
        outcomes.attempt("memory.delete", () -> db.memory().delete(NS, p, p));
    }

    private void audit(Outcomes outcomes, String p, Json json) {
        AuditEntry entry =
                outcomes.attempt("audit.record", () -> db.audit().record(new AuditRecord(p, p, p, p, json, json)));
        List<AuditEntry> found = outcomes.attempt(
                "audit.query",
                () -> db.audit()
                        .query(AuditQuery.builder().entity(p, p).build(), PageRequest.first())
                        .items());
        if (entry != null) {
            assertThat(found).singleElement().satisfies(e -> {
                assertThat(List.of(e.actor(), e.action(), e.entityType(), e.entityId()))
                        .containsOnly(p);
                assertThat(e.before()).isEqualTo(json);
                assertThat(e.after()).isEqualTo(json);
            });
        }
    }
}
