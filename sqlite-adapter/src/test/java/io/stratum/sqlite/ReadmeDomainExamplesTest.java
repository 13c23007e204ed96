package io.stratum.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.Json;
import io.stratum.Page;
import io.stratum.PageRequest;
import io.stratum.Stratum;
import io.stratum.TransactionOptions;
import io.stratum.agent.Agent;
import io.stratum.agent.AgentStatus;
import io.stratum.audit.AuditActions;
import io.stratum.audit.AuditEntry;
import io.stratum.audit.AuditQuery;
import io.stratum.audit.AuditRecord;
import io.stratum.memory.MemoryEntry;
import io.stratum.memory.MemoryWrite;
import io.stratum.session.NewSession;
import io.stratum.session.Session;
import io.stratum.session.SessionEvent;
import io.stratum.session.SessionFilters;
import io.stratum.session.SessionStatus;
import io.stratum.task.NewTask;
import io.stratum.task.Task;
import io.stratum.task.TaskId;
import io.stratum.task.TaskStatus;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples of docs/transactions-and-repositories.md (Transactions, Sessions, Agents, Memory, Audit trail and
 * Retention), verbatim (DocSamplesTest checks that) and in order.
 */
class ReadmeDomainExamplesTest {
    @Test
    void examplesRun(@TempDir Path dir) {
        try (Stratum db = Stratum.open("jdbc:sqlite:" + dir.resolve("stratum.db"))) {
            db.migrate();

            // Transactions
            TaskId planned = db.transactionResult(tx -> {
                Session session = tx.sessions().create(NewSession.named("feature-x"));
                TaskId task = tx.tasks()
                        .submit(NewTask.builder("plan the feature", "planner")
                                .sessionId(session.id())
                                .build());
                tx.memory().put("task:" + task + ":specs", "architecture", Json.of("{\"style\": \"hexagonal\"}"));
                tx.sessions().append(session.id(), "task.submitted", Json.of("{\"summary\": \"plan the feature\"}"));
                return task;
            }); // all of it, audit rows included, or none of it

            db.transaction(TransactionOptions.SERIALIZABLE, tx -> tx.tasks().updateStatus(planned, TaskStatus.RUNNING));
            List<Task> ready = db.transactionResult(
                    TransactionOptions.READ_ONLY, tx -> tx.tasks().getReadyTasks(10));
            assertThat(ready).isEmpty();
            assertThat(db.tasks().require(planned).status()).isEqualTo(TaskStatus.RUNNING);

            // Sessions
            Session session = db.sessions().create(NewSession.named("feature-x").withCreatedBy("planner"));
            db.sessions().append(session.id(), "task.planned", Json.of("{\"tasks\": 3}"));
            Page<SessionEvent> firstPage = db.sessions().events(session.id(), PageRequest.first(100)); // seq 1..100
            if (firstPage.hasMore()) {
                Page<SessionEvent> nextPage = db.sessions().events(session.id(), firstPage.next(100)); // seq 101..200
            }
            db.sessions().end(session.id(), SessionStatus.ENDED); // or FAILED; once
            Page<Session> active = db.sessions()
                    .list(SessionFilters.builder().status(SessionStatus.ACTIVE).build(), PageRequest.first());
            assertThat(firstPage.items()).hasSize(1);
            assertThat(firstPage.hasMore()).isFalse();
            assertThat(active.items()).hasSize(1);

            // Agents
            Agent coder = db.agents().register("coder", "coder-1", Json.of("{\"languages\": [\"java\", \"rust\"]}"));
            db.agents().updateStatus(coder.id(), AgentStatus.BUSY);
            db.tasks().assignAgent(planned, coder.id());
            db.agents().heartbeat(coder.id());
            List<Agent> silent = db.agents().listStale(OffsetDateTime.now().minusMinutes(5), 100); // not terminated
            assertThat(silent).isEmpty();
            assertThat(db.tasks().require(planned).agentId()).isEqualTo(coder.id());

            // Memory
            String ns = "task:" + planned + ":specs";
            MemoryEntry v1 = db.memory().put(ns, "plan", Json.of("{\"steps\": 3}"));
            MemoryEntry v2 = db.memory()
                    .put(MemoryWrite.of(ns, "plan", Json.of("{\"steps\": 4}"))
                            .expectingVersion(v1.version()) // StaleVersion if someone wrote in between
                            .expiringAt(OffsetDateTime.now().plusDays(7))
                            .by("planner"));
            Page<MemoryEntry> versions = db.memory().history(ns, "plan", PageRequest.first(100)); // v1, v2
            Page<MemoryEntry> page = db.memory().list(ns, "pl", PageRequest.first(50)); // prefix "pl", key order
            List<MemoryEntry> hits = db.memory().search(null, "steps", 20); // key or value, any namespace
            db.memory().delete(ns, "plan", "planner");
            assertThat(versions.items()).containsExactly(v1, v2);
            assertThat(page.items()).containsExactly(v2);
            assertThat(hits).containsExactly(v2);
            assertThat(db.memory().get(ns, "plan")).isEmpty();

            // Audit trail
            Page<AuditEntry> trail = db.audit()
                    .query(
                            AuditQuery.builder()
                                    .entity(AuditActions.TASK, planned.toString())
                                    .between(OffsetDateTime.now().minusDays(1), null)
                                    .build(),
                            PageRequest
                                    .first()); // e.g. before {"status": "ready", ...}, after {"status": "running", ...}
            db.audit().record(AuditRecord.of("approve", "pull-request", "42").by("reviewer"));
            assertThat(trail.items())
                    .singleElement()
                    .satisfies(e -> assertThat(e.after().text()).contains("running"));

            // Retention
            OffsetDateTime monthAgo = OffsetDateTime.now().minusDays(30);
            long tasks =
                    db.retention().purgeTasks(monthAgo, 500); // completed/cancelled, unless a waiting task needs them
            long audit = db.retention().purgeAuditLog(monthAgo, 500);
            long memory =
                    db.retention().purgeMemory(monthAgo, 500); // every version of keys deleted/expired before then
            assertThat(tasks + audit + memory).isZero();
        }
    }
}
