package io.stratum.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.Json;
import io.stratum.PageRequest;
import io.stratum.agent.Agent;
import io.stratum.agent.AgentId;
import io.stratum.agent.AgentStatus;
import io.stratum.audit.AuditEntry;
import io.stratum.audit.AuditQuery;
import io.stratum.audit.AuditRecord;
import io.stratum.memory.MemoryEntry;
import io.stratum.memory.MemoryWrite;
import io.stratum.queue.Claimed;
import io.stratum.queue.Lease;
import io.stratum.session.NewSession;
import io.stratum.session.Session;
import io.stratum.session.SessionEvent;
import io.stratum.session.SessionFilters;
import io.stratum.session.SessionId;
import io.stratum.session.SessionStatus;
import io.stratum.task.DependencyType;
import io.stratum.task.NewTask;
import io.stratum.task.Task;
import io.stratum.task.TaskFilters;
import io.stratum.task.TaskId;
import io.stratum.task.TaskSource;
import io.stratum.task.TaskStatus;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Thousands of seeded hostile calls across the public API. Each is refused with a typed error and leaves every
 * table's row count as it was, or is stored and read back exactly; references and SQLite's integrity hold.
 */
abstract class BadInputSuite extends StoreSuite {
    private static final int CASES = Integer.getInteger("stratum.reliability.cases", 2_500);
    private static final long SEED = Long.getLong("stratum.reliability.seed", 20261125L);

    private final List<TaskId> tasks = new ArrayList<>();
    private final List<SessionId> sessions = new ArrayList<>();
    private final List<AgentId> agents = new ArrayList<>();
    private final List<Lease> leases = new ArrayList<>();
    /** Tasks seen {@code failed}: the ones {@code retry} accepts. */
    private final List<TaskId> retryable = new ArrayList<>();

    private Hostile in;
    private Outcomes outcomes;
    private Map<String, Integer> counts;

    @Test
    void hostileInputIsRefusedTypedOrStoredExactly() {
        in = new Hostile(SEED);
        outcomes = new Outcomes();
        tasks.add(db.tasks().submit(NewTask.builder("seed", "coder").build()));
        sessions.add(db.sessions().create(NewSession.named("seed")).id());
        agents.add(db.agents().register("coder", "seed", null).id());
        counts = Consistency.counts(db);
        long started = System.nanoTime();
        List<Runnable> operations = List.of(
                this::submitTask,
                this::submitTaskWithReferences,
                this::submitCycle,
                this::updateTask,
                this::changeStatus,
                this::listTasks,
                this::createSession,
                this::appendEvent,
                this::readSessions,
                this::registerAgent,
                this::agentCalls,
                this::putMemory,
                this::readMemory,
                this::recordAudit,
                this::parseValues,
                this::nulls,
                this::submitBatch,
                this::claim,
                this::finish,
                this::heartbeat,
                this::cancelOrRetry);
        for (int i = 0; i < CASES; i++) {
            operations.get(in.random().nextInt(operations.size())).run();
            if (i % 250 == 0) {
                Consistency.assertReferencesIntact(db);
            }
        }
        Consistency.assertReferencesIntact(db);
        Consistency.assertSqliteIntegrity(db);
        assertThat(outcomes.accepted)
                .as("some hostile input is legitimately storable")
                .isPositive();
        assertThat(outcomes.refused).as("some hostile input is refused").isPositive();
        for (String call : List.of(
                "tasks.submitAll",
                "queue.claim",
                "queue.complete",
                "queue.fail",
                "queue.heartbeat",
                "queue.cancel",
                "queue.retry")) {
            assertThat(List.of(outcomes.accepted(call), outcomes.refused(call)))
                    .as(call + " accepted and refused (last refusal: " + outcomes.lastRefusal(call) + ")")
                    .allMatch(n -> n > 0);
        }
        Figures.record(
                "bad-input." + getClass().getSimpleName(),
                CASES + " cases (seed " + SEED + "), "
                        + outcomes.total() + " calls: " + outcomes.accepted
                        + " stored and read back (text exact; jsonb-equal on PostgreSQL), "
                        + outcomes.refused + " refused with a typed error and nothing written, "
                        + java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms");
    }

    /** A call that may write: a refusal must leave every count unchanged. */
    private <T> T write(String what, Supplier<T> call) {
        T result = outcomes.attempt(what, call);
        Map<String, Integer> now = Consistency.counts(db);
        if (result == null) {
            assertThat(now).as(what + " was refused but wrote").isEqualTo(counts);
        }
        counts = now;
        return result;
    }

    private <T> T pick(List<T> known, Supplier<T> unknown) {
        return in.chance(25) ? unknown.get() : known.get(in.random().nextInt(known.size()));
    }

    private Json jsonOrNull() {
        if (in.chance(15)) {
            return null;
        }
        String text = in.json();
        return outcomes.attempt("Json.of", () -> Json.of(text));
    }

    private void submitTask() {
        String summary = in.chance(50) ? in.word() : in.string();
        String agentType = in.chance(50) ? "coder" : in.string();
        String description = in.chance(30) ? "" : in.string();
        String branch = in.chance(50) ? null : in.string();
        String key = in.chance(70) ? null : in.string();
        Json input = jsonOrNull();
        int priority = in.chance(50) ? 5 : in.integer();
        int retries = in.chance(50) ? 3 : in.integer();
        int timeout = in.chance(50) ? 60 : in.integer();
        Integer estimate = in.chance(50) ? null : in.integer();
        TaskId id = write(
                "tasks.submit",
                () -> db.tasks()
                        .submit(NewTask.builder(summary, agentType)
                                .description(description)
                                .featureBranch(branch)
                                .taskBranch(branch)
                                .worktreePath(branch)
                                .idempotencyKey(key)
                                .inputData(input)
                                .priority(priority)
                                .maxRetries(retries)
                                .maxExecutionTimeoutSeconds(timeout)
                                .estimatedDurationSeconds(estimate)
                                .createdBy(branch)
                                .build()));
        if (id != null) {
            Task task = db.tasks().require(id);
            assertThat(List.of(task.summary(), task.agentType(), task.description()))
                    .containsExactly(summary, agentType, description);
            assertThat(task.featureBranch()).isEqualTo(branch);
            assertThat(task.worktreePath()).isEqualTo(branch);
            assertThat(task.createdBy()).isEqualTo(branch);
            Consistency.assertSameJson(db, input, task.inputData());
            assertThat(task.idempotencyKey()).isEqualTo(key);
            assertThat(List.of(task.priority(), task.maxRetries(), task.maxExecutionTimeoutSeconds()))
                    .containsExactly(priority, retries, timeout);
            assertThat(task.estimatedDurationSeconds()).isEqualTo(estimate);
            tasks.add(id);
        }
    }

    private void submitTaskWithReferences() {
        List<TaskId> deps = new ArrayList<>();
        for (int i = in.random().nextInt(4); i > 0; i--) {
            deps.add(pick(tasks, () -> in.chance(10) ? null : TaskId.of(UUID.randomUUID())));
        }
        TaskId parent = in.chance(50) ? null : pick(tasks, () -> TaskId.of(UUID.randomUUID()));
        SessionId session = in.chance(50) ? null : pick(sessions, SessionId::generate);
        DependencyType type =
                in.chance(10) ? null : DependencyType.values()[in.random().nextInt(DependencyType.values().length)];
        TaskSource source =
                in.chance(10) ? null : TaskSource.values()[in.random().nextInt(TaskSource.values().length)];
        TaskId id = write(
                "tasks.submit(references)",
                () -> db.tasks()
                        .submit(NewTask.builder(in.word(), "coder")
                                .dependsOn(deps)
                                .parentTaskId(parent)
                                .sessionId(session)
                                .dependencyType(type)
                                .source(source)
                                .build()));
        if (id != null) {
            Task task = db.tasks().require(id);
            assertThat(task.parentTaskId()).isEqualTo(parent);
            assertThat(task.sessionId()).isEqualTo(session);
            tasks.add(id);
        }
    }

    /** A batch whose caller-chosen ids depend on each other in a ring (a task on itself when the ring is 1). */
    private void submitCycle() {
        int size = 1 + in.random().nextInt(4);
        List<TaskId> ids = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            ids.add(TaskId.generate());
        }
        List<NewTask> batch = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            int at = i;
            NewTask task = outcomes.attempt(
                    "NewTask(cycle)",
                    () -> NewTask.builder(in.word(), "coder")
                            .id(ids.get(at))
                            .dependsOn(ids.get((at + 1) % size))
                            .build());
            if (task == null) {
                return;
            }
            batch.add(task);
        }
        List<TaskId> stored = write("tasks.submitAll(cycle)", () -> db.tasks().submitAll(batch));
        assertThat(stored).as("a dependency cycle of " + size + " was stored").isNull();
    }

    private void updateTask() {
        TaskId id = pick(tasks, () -> TaskId.of(UUID.randomUUID()));
        Task current = outcomes.attempt("tasks.require", () -> db.tasks().require(id));
        if (current == null) {
            return;
        }
        String summary = in.chance(50) ? in.word() : in.string();
        String branch = in.string();
        Json input = jsonOrNull();
        int priority = in.integer();
        Task edited = outcomes.attempt(
                "Task.toBuilder",
                () -> current.toBuilder()
                        .summary(summary)
                        .featureBranch(branch)
                        .inputData(input)
                        .priority(priority)
                        .build());
        if (edited == null) {
            return;
        }
        Task updated = write("tasks.update", () -> db.tasks().update(edited));
        if (updated != null) {
            Task read = db.tasks().require(id);
            assertThat(read.summary()).isEqualTo(summary);
            assertThat(read.featureBranch()).isEqualTo(branch);
            Consistency.assertSameJson(db, input, read.inputData());
            assertThat(read.priority()).isEqualTo(priority);
        }
    }

    private void changeStatus() {
        TaskId id = pick(tasks, () -> TaskId.of(UUID.randomUUID()));
        TaskStatus status =
                in.chance(10) ? null : TaskStatus.values()[in.random().nextInt(TaskStatus.values().length)];
        Task moved = write("tasks.updateStatus", () -> db.tasks().updateStatus(id, status));
        if (moved != null) {
            assertThat(db.tasks().require(id).status()).isEqualTo(status);
        }
        AgentId agent = pick(agents, AgentId::generate);
        write("tasks.assignAgent", () -> db.tasks().assignAgent(id, agent));
        if (in.chance(5)) {
            write("tasks.delete", () -> db.tasks().delete(id));
        }
    }

    /** A batch mixing valid tasks, hostile ones, repeated idempotency keys and references into the batch. */
    private void submitBatch() {
        List<NewTask> batch = new ArrayList<>();
        List<TaskId> ids = new ArrayList<>();
        String sharedKey = in.chance(50) ? null : in.string();
        for (int i = 1 + in.random().nextInt(6); i > 0; i--) {
            TaskId id = TaskId.generate();
            TaskId dependency = ids.isEmpty() || in.chance(50)
                    ? pick(tasks, () -> TaskId.of(UUID.randomUUID()))
                    : ids.get(in.random().nextInt(ids.size()));
            NewTask task = outcomes.attempt(
                    "NewTask(batch)",
                    () -> NewTask.builder(in.chance(80) ? in.word() : in.string(), "coder")
                            .id(id)
                            .idempotencyKey(in.chance(30) ? sharedKey : null)
                            .dependsOn(in.chance(50) ? List.of(dependency) : List.of())
                            .priority(in.chance(80) ? 5 : in.integer())
                            .maxRetries(in.chance(30) ? 0 : 3)
                            .build());
            if (task == null) {
                continue;
            }
            batch.add(in.chance(5) ? null : task);
            ids.add(id);
        }
        List<TaskId> stored = write("tasks.submitAll", () -> db.tasks().submitAll(batch));
        if (stored != null) {
            assertThat(stored).hasSameSizeAs(batch);
            for (TaskId id : stored) {
                db.tasks().require(id);
                if (!tasks.contains(id)) {
                    tasks.add(id);
                }
            }
        }
    }

    private Duration duration() {
        return switch (in.random().nextInt(6)) {
            case 0 -> null;
            case 1 -> Duration.ZERO;
            case 2 -> Duration.ofSeconds(in.longValue());
            case 3 -> Duration.ofMillis(-1 - in.random().nextInt(1_000));
            default -> Duration.ofSeconds(1 + in.random().nextInt(3_600));
        };
    }

    private void claim() {
        String worker = in.chance(50) ? in.word() : in.string();
        int max = in.chance(60) ? 1 + in.random().nextInt(4) : in.integer();
        Duration lease = duration();
        List<Claimed> claimed = write("queue.claim", () -> db.queue().claim(worker, max, lease));
        if (claimed != null) {
            assertThat(claimed.size()).isLessThanOrEqualTo(Math.max(0, max));
            for (Claimed c : claimed) {
                Task read = db.tasks().require(c.task().id());
                assertThat(read.status()).isEqualTo(TaskStatus.RUNNING);
                assertThat(read.leaseOwner()).isEqualTo(worker);
                assertThat(read.leaseToken()).isEqualTo(c.lease().token());
                leases.add(c.lease());
            }
        }
    }

    /** A held lease, or a forged one: a known or unknown task, any owner, a token nobody was given. */
    private Lease lease() {
        if (!leases.isEmpty() && in.chance(60)) {
            return leases.remove(in.random().nextInt(leases.size()));
        }
        TaskId task = pick(tasks, () -> TaskId.of(UUID.randomUUID()));
        return outcomes.attempt(
                "Lease(forged)",
                () -> new Lease(
                        task,
                        in.string(),
                        UUID.randomUUID(),
                        OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(5)));
    }

    private void finish() {
        Lease lease = lease();
        if (in.chance(50)) {
            Json result = jsonOrNull();
            Boolean done = write("queue.complete", () -> {
                db.queue().complete(lease, result);
                return true;
            });
            if (done != null) {
                Task read = db.tasks().require(lease.taskId());
                assertThat(read.status()).isEqualTo(TaskStatus.COMPLETED);
                Consistency.assertSameJson(db, result, read.resultData());
            }
        } else {
            String error = in.string();
            Boolean done = write("queue.fail", () -> {
                db.queue().fail(lease, error);
                return true;
            });
            if (done != null) {
                Task read = db.tasks().require(lease.taskId());
                assertThat(read.status()).isIn(TaskStatus.READY, TaskStatus.PENDING, TaskStatus.FAILED);
                assertThat(read.errorMessage()).isEqualTo(error);
                if (read.status() == TaskStatus.FAILED) {
                    retryable.add(read.id());
                }
            }
        }
    }

    private void heartbeat() {
        Lease lease = lease();
        Duration extension = duration();
        Lease extended = write("queue.heartbeat", () -> db.queue().heartbeat(lease, extension));
        if (extended != null) {
            assertThat(extended.token()).isEqualTo(lease.token());
            assertThat(db.tasks().require(lease.taskId()).leaseExpiresAt()).isEqualTo(extended.expiresAt());
            leases.add(extended);
        }
    }

    private void cancelOrRetry() {
        TaskId id = !retryable.isEmpty() && in.chance(50)
                ? retryable.remove(in.random().nextInt(retryable.size()))
                : pick(tasks, () -> in.chance(10) ? null : TaskId.of(UUID.randomUUID()));
        if (in.chance(50)) {
            List<TaskId> cancelled = write("queue.cancel", () -> db.queue().cancel(id));
            if (cancelled != null) {
                assertThat(cancelled)
                        .allSatisfy(
                                c -> assertThat(db.tasks().require(c).status()).isEqualTo(TaskStatus.CANCELLED));
            }
        } else {
            Task retried = write("queue.retry", () -> db.queue().retry(id));
            if (retried != null) {
                assertThat(db.tasks().require(id).status()).isIn(TaskStatus.READY, TaskStatus.PENDING);
            }
        }
        write("queue.reclaimExpired", () -> db.queue().reclaimExpired());
    }

    private void listTasks() {
        String agentType = in.string();
        String branch = in.chance(50) ? null : in.string();
        int limit = in.integer();
        List<Task> found = outcomes.attempt(
                "tasks.list",
                () -> db.tasks()
                        .list(
                                TaskFilters.builder()
                                        .agentType(agentType)
                                        .featureBranch(branch)
                                        .build(),
                                pageRequest())
                        .items());
        if (found != null) {
            assertThat(found).allMatch(t -> agentType == null || t.agentType().equals(agentType));
            assertThat(found).allMatch(t -> branch == null || branch.equals(t.featureBranch()));
        }
        outcomes.attempt(
                "tasks.count",
                () -> db.tasks()
                        .count(TaskFilters.builder().agentType(agentType).build()));
        outcomes.attempt("tasks.getReadyTasks", () -> db.tasks().getReadyTasks(limit));
    }

    private void createSession() {
        String name = in.string();
        String by = in.chance(50) ? null : in.string();
        Json metadata = jsonOrNull();
        Session session = write("sessions.create", () -> db.sessions().create(new NewSession(name, metadata, by)));
        if (session != null) {
            Session read = db.sessions().require(session.id());
            assertThat(read.name()).isEqualTo(name);
            assertThat(read.createdBy()).isEqualTo(by);
            Consistency.assertSameJson(db, metadata, read.metadata());
            sessions.add(session.id());
        }
    }

    private void appendEvent() {
        SessionId session = pick(sessions, () -> in.chance(10) ? null : SessionId.generate());
        String type = in.chance(50) ? in.word() : in.string();
        Json payload = jsonOrNull();
        SessionEvent event = write("sessions.append", () -> db.sessions().append(session, type, payload));
        if (event != null) {
            List<SessionEvent> read = db.sessions().events(session, PageRequest.first(10_000)).items().stream()
                    .filter(e -> e.seq() == event.seq())
                    .toList();
            assertThat(read).singleElement().satisfies(e -> {
                assertThat(e.type()).isEqualTo(type);
                Consistency.assertSameJson(db, payload, e.payload());
            });
        }
        if (in.chance(10)) {
            SessionStatus outcome =
                    in.chance(20) ? null : SessionStatus.values()[in.random().nextInt(SessionStatus.values().length)];
            write("sessions.end", () -> db.sessions().end(session, outcome));
        }
    }

    private void readSessions() {
        SessionId session = pick(sessions, SessionId::generate);
        outcomes.attempt("sessions.events", () -> db.sessions().events(session, pageRequest()));
        outcomes.attempt("sessions.list", () -> db.sessions().list(SessionFilters.all(), pageRequest()));
    }

    /** A first page or a page after an arbitrary string, of an arbitrary size. */
    private PageRequest pageRequest() {
        int limit = in.integer();
        return in.chance(50) ? PageRequest.first(limit) : PageRequest.after(in.string(), limit);
    }

    private void registerAgent() {
        String type = in.string();
        String name = in.string();
        Json capabilities = jsonOrNull();
        Agent agent = write("agents.register", () -> db.agents().register(type, name, capabilities));
        if (agent != null) {
            Agent read = db.agents().require(agent.id());
            assertThat(List.of(read.agentType(), read.name())).containsExactly(type, name);
            Consistency.assertSameJson(db, capabilities, read.capabilities());
            agents.add(agent.id());
        }
    }

    private void agentCalls() {
        AgentId agent = pick(agents, () -> in.chance(10) ? null : AgentId.generate());
        write("agents.heartbeat", () -> db.agents().heartbeat(agent));
        AgentStatus status =
                in.chance(10) ? null : AgentStatus.values()[in.random().nextInt(AgentStatus.values().length)];
        write("agents.updateStatus", () -> db.agents().updateStatus(agent, status));
        outcomes.attempt("agents.list", () -> db.agents().list(status, pageRequest()));
        outcomes.attempt("agents.listStale", () -> db.agents().listStale(null, in.integer()));
    }

    private void putMemory() {
        String namespace = in.chance(60) ? "ns" : in.string();
        String key = in.chance(40) ? in.word() : in.string();
        Json value = jsonOrNull();
        Long expected = in.chance(70) ? null : in.longValue();
        String actor = in.chance(50) ? null : in.string();
        MemoryEntry entry = write(
                "memory.put", () -> db.memory().put(new MemoryWrite(namespace, key, value, expected, null, actor)));
        if (entry != null) {
            MemoryEntry read = db.memory().get(namespace, key).orElseThrow();
            Consistency.assertSameJson(db, value, read.value());
            assertThat(read.version()).isEqualTo(entry.version());
            assertThat(read.updatedBy()).isEqualTo(actor);
        }
        if (in.chance(10)) {
            write("memory.delete", () -> db.memory().delete(namespace, key, actor));
        }
    }

    private void readMemory() {
        String namespace = in.chance(60) ? "ns" : in.string();
        String text = in.string();
        int limit = in.integer();
        outcomes.attempt("memory.get", () -> db.memory().get(namespace, text));
        outcomes.attempt("memory.getVersion", () -> db.memory().getVersion(namespace, text, in.longValue()));
        outcomes.attempt("memory.history", () -> db.memory().history(namespace, text, pageRequest()));
        List<MemoryEntry> listed = outcomes.attempt(
                "memory.list",
                () -> db.memory().list(namespace, text, pageRequest()).items());
        if (listed != null) {
            assertThat(listed).allMatch(e -> e.key().startsWith(text));
        }
        outcomes.attempt("memory.search", () -> db.memory().search(namespace, text, limit));
    }

    private void recordAudit() {
        String actor = in.chance(50) ? null : in.string();
        String action = in.chance(50) ? in.word() : in.string();
        String type = in.chance(50) ? in.word() : in.string();
        String entityId = in.string();
        Json before = jsonOrNull();
        Json after = jsonOrNull();
        AuditEntry entry = write(
                "audit.record", () -> db.audit().record(new AuditRecord(actor, action, type, entityId, before, after)));
        List<AuditEntry> found = outcomes.attempt(
                "audit.query",
                () -> db.audit()
                        .query(AuditQuery.builder().entity(type, entityId).build(), pageRequest())
                        .items());
        if (entry != null && found != null && found.stream().anyMatch(e -> e.id().equals(entry.id()))) {
            AuditEntry read = found.stream()
                    .filter(e -> e.id().equals(entry.id()))
                    .findFirst()
                    .orElseThrow();
            assertThat(List.of(String.valueOf(read.actor()), read.action(), read.entityType(), read.entityId()))
                    .containsExactly(String.valueOf(actor), action, type, entityId);
            Consistency.assertSameJson(db, before, read.before());
            Consistency.assertSameJson(db, after, read.after());
        }
    }

    private void parseValues() {
        String text = in.string();
        outcomes.attempt("TaskStatus.parse", () -> TaskStatus.parse(text));
        outcomes.attempt("SessionStatus.parse", () -> SessionStatus.parse(text));
        outcomes.attempt("AgentStatus.parse", () -> AgentStatus.parse(text));
        outcomes.attempt("TaskSource.parse", () -> TaskSource.parse(text));
        outcomes.attempt("DependencyType.parse", () -> DependencyType.parse(text));
        outcomes.attempt("TaskId.parse", () -> TaskId.parse(text));
        outcomes.attempt("new Json", () -> new Json(text));
    }

    private void nulls() {
        outcomes.attempt("tasks.get(null)", () -> db.tasks().get(null));
        outcomes.attempt("tasks.require(null)", () -> db.tasks().require(null));
        write("tasks.submit(null)", () -> db.tasks().submit(null));
        write("tasks.update(null)", () -> db.tasks().update(null));
        write("tasks.delete(null)", () -> db.tasks().delete(null));
        outcomes.attempt("tasks.list(null)", () -> db.tasks().list(null, PageRequest.first()));
        outcomes.attempt("tasks.count(null)", () -> db.tasks().count(null));
        outcomes.attempt("sessions.get(null)", () -> db.sessions().get(null));
        write("sessions.create(null)", () -> db.sessions().create(null));
        outcomes.attempt("sessions.list(null)", () -> db.sessions().list(null, PageRequest.first()));
        outcomes.attempt("agents.get(null)", () -> db.agents().get(null));
        write("memory.put(null)", () -> db.memory().put(null));
        write("memory.put(ns, key, null)", () -> db.memory().put("ns", in.word(), null));
        write("audit.record(null)", () -> db.audit().record(null));
        outcomes.attempt("audit.query(null)", () -> db.audit().query(null, PageRequest.first()));
        outcomes.attempt("TaskId.of(null)", () -> TaskId.of(null));
    }
}
