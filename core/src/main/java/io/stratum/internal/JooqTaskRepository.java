package io.stratum.internal;

import static io.stratum.codegen.jooq.Tables.AGENTS;
import static io.stratum.codegen.jooq.Tables.SESSIONS;
import static io.stratum.codegen.jooq.Tables.TASKS;
import static io.stratum.codegen.jooq.Tables.TASK_DEPENDENCIES;

import io.stratum.Busy;
import io.stratum.ConstraintViolation;
import io.stratum.IllegalTransition;
import io.stratum.InvalidInput;
import io.stratum.NotFound;
import io.stratum.StaleVersion;
import io.stratum.audit.AuditActions;
import io.stratum.codegen.jooq.tables.records.TasksRecord;
import io.stratum.task.NewTask;
import io.stratum.task.Task;
import io.stratum.task.TaskFilters;
import io.stratum.task.TaskId;
import io.stratum.task.TaskRepository;
import io.stratum.task.TaskStatus;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.Record3;

/** {@link TaskRepository} in jOOQ, the same SQL on every backend. */
public final class JooqTaskRepository implements TaskRepository {
    private static final String ENTITY = "task";

    private final Database db;
    private final Clock clock;
    private final AuditTrail audit;

    public JooqTaskRepository(Database db, Clock clock, AuditTrail audit) {
        this.db = db;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public TaskId submit(NewTask task) {
        Arguments.require("task", task);
        return db.write(dsl -> insert(dsl, task));
    }

    private TaskId insert(DSLContext dsl, NewTask task) {
        if (task.idempotencyKey() != null) {
            Optional<TaskId> existing = findByIdempotencyKey(dsl, task.idempotencyKey());
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        Map<UUID, Record3<UUID, String, Integer>> dependencies = loadDependencies(dsl, task.dependsOn());
        requireReferences(dsl, task);
        int depth = dependencies.values().stream().mapToInt(r -> r.value3() + 1).max().orElse(0);
        boolean allCompleted = dependencies.values().stream()
                .allMatch(r -> TaskStatus.COMPLETED.dbValue().equals(r.value2()));
        OffsetDateTime now = Timestamps.now(clock);
        UUID id = Ids.v7(now.toInstant());
        OffsetDateTime deadline = Timestamps.normalize(task.deadline());

        TasksRecord row = dsl.newRecord(TASKS);
        row.set(TASKS.ID, id);
        row.set(TASKS.SUMMARY, task.summary());
        row.set(TASKS.DESCRIPTION, task.description());
        row.set(TASKS.AGENT_TYPE, task.agentType());
        row.set(TASKS.PRIORITY, task.priority());
        row.set(TASKS.CALCULATED_PRIORITY, PriorityFormula.calculate(task.priority(), depth, deadline, now));
        row.set(TASKS.STATUS, (allCompleted ? TaskStatus.READY : TaskStatus.PENDING).dbValue());
        row.set(TASKS.DEPENDENCY_TYPE, task.dependencyType().dbValue());
        row.set(TASKS.DEPENDENCY_DEPTH, depth);
        row.set(TASKS.INPUT_DATA, TaskRows.jsonb(task.inputData()));
        row.set(TASKS.RETRY_COUNT, 0);
        row.set(TASKS.MAX_RETRIES, task.maxRetries());
        row.set(TASKS.MAX_EXECUTION_TIMEOUT_SECONDS, task.maxExecutionTimeoutSeconds());
        row.set(TASKS.SUBMITTED_AT, now);
        row.set(TASKS.LAST_UPDATED_AT, now);
        row.set(TASKS.CREATED_BY, task.createdBy());
        row.set(TASKS.PARENT_TASK_ID, task.parentTaskId() == null ? null : task.parentTaskId().value());
        row.set(TASKS.SESSION_ID, task.sessionId());
        row.set(TASKS.SOURCE, task.source().dbValue());
        row.set(TASKS.DEADLINE, deadline);
        row.set(TASKS.ESTIMATED_DURATION_SECONDS, task.estimatedDurationSeconds());
        row.set(TASKS.FEATURE_BRANCH, task.featureBranch());
        row.set(TASKS.TASK_BRANCH, task.taskBranch());
        row.set(TASKS.WORKTREE_PATH, task.worktreePath());
        row.set(TASKS.VERSION, 0L);
        row.set(TASKS.IDEMPOTENCY_KEY, task.idempotencyKey());
        row.set(TASKS.RUN_AFTER, now);

        int inserted = dsl.insertInto(TASKS).set(row).onConflict(TASKS.IDEMPOTENCY_KEY).doNothing().execute();
        if (inserted == 0) {
            // A concurrent submit with the same idempotency key committed first: its task is the answer.
            return findByIdempotencyKey(dsl, task.idempotencyKey())
                    .orElseThrow(() -> new IllegalStateException("idempotency key conflict without a row"));
        }
        if (!task.dependsOn().isEmpty()) {
            var insert = dsl.insertInto(TASK_DEPENDENCIES, TASK_DEPENDENCIES.TASK_ID, TASK_DEPENDENCIES.DEPENDS_ON_ID);
            for (TaskId dependency : task.dependsOn()) {
                insert = insert.values(id, dependency.value());
            }
            insert.execute();
        }
        return new TaskId(id);
    }

    private static Optional<TaskId> findByIdempotencyKey(DSLContext dsl, String key) {
        return dsl.select(TASKS.ID).from(TASKS).where(TASKS.IDEMPOTENCY_KEY.eq(key)).fetchOptional(TASKS.ID)
                .map(TaskId::new);
    }

    private static Map<UUID, Record3<UUID, String, Integer>> loadDependencies(DSLContext dsl, List<TaskId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Record3<UUID, String, Integer>> found = dsl
                .select(TASKS.ID, TASKS.STATUS, TASKS.DEPENDENCY_DEPTH)
                .from(TASKS)
                .where(TASKS.ID.in(ids.stream().map(TaskId::value).toList()))
                .fetchMap(TASKS.ID);
        List<String> missing = ids.stream().filter(id -> !found.containsKey(id.value())).map(TaskId::toString).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInput("dependsOn", "unknown task(s): " + String.join(", ", missing));
        }
        return found;
    }

    /**
     * The parent and the session must exist. Checked in the inserting transaction, before the insert: the error then
     * names the foreign key on every backend (SQLite's does not), and no failed statement dooms an enclosing
     * transaction.
     */
    private static void requireReferences(DSLContext dsl, NewTask task) {
        if (task.parentTaskId() != null && !dsl.fetchExists(TASKS, TASKS.ID.eq(task.parentTaskId().value()))) {
            throw missingReference("fk_tasks_parent", "parent task " + task.parentTaskId());
        }
        if (task.sessionId() != null && !dsl.fetchExists(SESSIONS, SESSIONS.ID.eq(task.sessionId()))) {
            throw missingReference("fk_tasks_session", "session " + task.sessionId());
        }
    }

    private static ConstraintViolation missingReference(String constraint, String what) {
        return new ConstraintViolation(ConstraintViolation.Kind.FOREIGN_KEY, constraint, what + " does not exist", null);
    }

    @Override
    public Optional<Task> get(TaskId id) {
        Arguments.require("id", id);
        return db.read(dsl -> {
            TasksRecord row = dsl.selectFrom(TASKS).where(TASKS.ID.eq(id.value())).fetchOne();
            return row == null ? Optional.<Task>empty() : Optional.of(TaskRows.toTasks(dsl, List.of(row)).getFirst());
        });
    }

    @Override
    public Task require(TaskId id) {
        return get(id).orElseThrow(() -> new NotFound(ENTITY, id));
    }

    @Override
    public Task update(Task task) {
        Arguments.require("task", task);
        db.write(dsl -> {
            OffsetDateTime now = Timestamps.now(clock);
            OffsetDateTime deadline = Timestamps.normalize(task.deadline());
            int updated = dsl.update(TASKS)
                    .set(TASKS.SUMMARY, task.summary())
                    .set(TASKS.DESCRIPTION, task.description())
                    .set(TASKS.AGENT_TYPE, task.agentType())
                    .set(TASKS.PRIORITY, task.priority())
                    .set(TASKS.CALCULATED_PRIORITY,
                            PriorityFormula.calculate(task.priority(), task.dependencyDepth(), deadline, now))
                    .set(TASKS.INPUT_DATA, TaskRows.jsonb(task.inputData()))
                    .set(TASKS.MAX_RETRIES, task.maxRetries())
                    .set(TASKS.MAX_EXECUTION_TIMEOUT_SECONDS, task.maxExecutionTimeoutSeconds())
                    .set(TASKS.DEADLINE, deadline)
                    .set(TASKS.ESTIMATED_DURATION_SECONDS, task.estimatedDurationSeconds())
                    .set(TASKS.FEATURE_BRANCH, task.featureBranch())
                    .set(TASKS.TASK_BRANCH, task.taskBranch())
                    .set(TASKS.WORKTREE_PATH, task.worktreePath())
                    .set(TASKS.VERSION, TASKS.VERSION.plus(1))
                    .set(TASKS.LAST_UPDATED_AT, now)
                    .where(TASKS.ID.eq(task.id().value()).and(TASKS.VERSION.eq(task.version())))
                    .execute();
            if (updated == 0) {
                Long stored = dsl.select(TASKS.VERSION).from(TASKS).where(TASKS.ID.eq(task.id().value()))
                        .fetchOne(TASKS.VERSION);
                if (stored == null) {
                    throw new NotFound(ENTITY, task.id());
                }
                throw new StaleVersion(ENTITY, task.id(), task.version(), stored);
            }
            return null;
        });
        return require(task.id());
    }

    @Override
    public boolean delete(TaskId id) {
        Arguments.require("id", id);
        return db.write(dsl -> dsl.deleteFrom(TASKS).where(TASKS.ID.eq(id.value())).execute() > 0);
    }

    @Override
    public List<Task> list(TaskFilters filters) {
        Arguments.require("filters", filters);
        return db.read(dsl -> TaskRows.toTasks(dsl, dsl.selectFrom(TASKS)
                .where(conditions(filters))
                .orderBy(TASKS.CALCULATED_PRIORITY.desc(), TASKS.SUBMITTED_AT.asc(), TASKS.ID.asc())
                .limit(filters.limit())
                .offset(filters.offset())
                .fetch()));
    }

    @Override
    public long count(TaskFilters filters) {
        Arguments.require("filters", filters);
        return db.read(dsl -> (long) dsl.fetchCount(TASKS, conditions(filters)));
    }

    private static List<Condition> conditions(TaskFilters f) {
        List<Condition> conditions = new ArrayList<>();
        if (f.status() != null) {
            conditions.add(TASKS.STATUS.eq(f.status().dbValue()));
        }
        if (f.agentType() != null) {
            conditions.add(TASKS.AGENT_TYPE.eq(f.agentType()));
        }
        if (f.featureBranch() != null) {
            conditions.add(TASKS.FEATURE_BRANCH.eq(f.featureBranch()));
        }
        if (f.sessionId() != null) {
            conditions.add(TASKS.SESSION_ID.eq(f.sessionId()));
        }
        if (f.parentTaskId() != null) {
            conditions.add(TASKS.PARENT_TASK_ID.eq(f.parentTaskId().value()));
        }
        return conditions;
    }

    @Override
    public List<Task> getReadyTasks(int limit) {
        if (limit < 1 || limit > TaskFilters.MAX_LIMIT) {
            throw new InvalidInput("limit", limit + " is outside 1.." + TaskFilters.MAX_LIMIT);
        }
        return db.read(dsl -> TaskRows.toTasks(dsl, dsl.selectFrom(TASKS)
                .where(TASKS.STATUS.eq(TaskStatus.READY.dbValue()))
                .orderBy(TASKS.CALCULATED_PRIORITY.desc(), TASKS.SUBMITTED_AT.asc(), TASKS.ID.asc())
                .limit(limit)
                .fetch()));
    }

    @Override
    public Task updateStatus(TaskId id, TaskStatus status) {
        Arguments.require("id", id);
        Arguments.require("status", status);
        return db.write(dsl -> {
            Record2<String, Long> current = dsl.select(TASKS.STATUS, TASKS.VERSION).from(TASKS)
                    .where(TASKS.ID.eq(id.value())).fetchOne();
            if (current == null) {
                throw new NotFound(ENTITY, id);
            }
            TaskStatus from = TaskStatus.parse(current.value1());
            if (!from.canMoveTo(status)) {
                throw new IllegalTransition(id, from.dbValue(), status.dbValue());
            }
            OffsetDateTime now = Timestamps.now(clock);
            var update = dsl.update(TASKS)
                    .set(TASKS.STATUS, status.dbValue())
                    .set(TASKS.VERSION, TASKS.VERSION.plus(1))
                    .set(TASKS.LAST_UPDATED_AT, now);
            if (status == TaskStatus.RUNNING) {
                update = update.set(TASKS.STARTED_AT, now);
            }
            if (status.isFinal() || status == TaskStatus.FAILED) {
                update = update.set(TASKS.COMPLETED_AT, now);
            }
            if (status != TaskStatus.RUNNING) {
                update = update.setNull(TASKS.LEASE_OWNER).setNull(TASKS.LEASE_TOKEN).setNull(TASKS.LEASE_EXPIRES_AT);
            }
            long version = current.value2();
            // The version guard makes the audited "before" exact; it fails only when a concurrent PostgreSQL
            // transaction changed the task after it was read, and then the whole unit of work runs again.
            if (update.where(TASKS.ID.eq(id.value()).and(TASKS.VERSION.eq(version))).execute() == 0) {
                throw new Busy("task " + id + " was changed by a concurrent transaction", null);
            }
            audit.change(dsl, null, AuditActions.TASK_STATUS, AuditActions.TASK, id.toString(),
                    statusState(from, version), statusState(status, version + 1));
            return load(dsl, id);
        });
    }

    @Override
    public Task assignAgent(TaskId id, UUID agentId) {
        Arguments.require("id", id);
        Arguments.require("agentId", agentId);
        return db.write(dsl -> {
            if (!dsl.fetchExists(AGENTS, AGENTS.ID.eq(agentId))) {
                throw missingReference("fk_tasks_agent", "agent " + agentId);
            }
            int updated = dsl.update(TASKS)
                    .set(TASKS.AGENT_ID, agentId)
                    .set(TASKS.VERSION, TASKS.VERSION.plus(1))
                    .set(TASKS.LAST_UPDATED_AT, Timestamps.now(clock))
                    .where(TASKS.ID.eq(id.value()))
                    .execute();
            if (updated == 0) {
                throw new NotFound(ENTITY, id);
            }
            return load(dsl, id);
        });
    }

    private static Task load(DSLContext dsl, TaskId id) {
        TasksRecord row = dsl.selectFrom(TASKS).where(TASKS.ID.eq(id.value())).fetchOne();
        if (row == null) {
            throw new NotFound(ENTITY, id);
        }
        return TaskRows.toTasks(dsl, List.of(row)).getFirst();
    }

    private static String statusState(TaskStatus status, long version) {
        return new JsonObject().string("status", status.dbValue()).number("version", version).text();
    }
}
