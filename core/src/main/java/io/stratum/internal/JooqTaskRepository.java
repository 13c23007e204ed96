package io.stratum.internal;

import static io.stratum.codegen.jooq.Tables.SESSIONS;
import static io.stratum.codegen.jooq.Tables.TASKS;

import io.stratum.Busy;
import io.stratum.ConstraintViolation;
import io.stratum.IllegalTransition;
import io.stratum.InvalidInput;
import io.stratum.NotFound;
import io.stratum.StaleVersion;
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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.Field;

/** {@link TaskRepository} in jOOQ, the same SQL on every backend. */
public final class JooqTaskRepository implements TaskRepository {
    private static final String ENTITY = "task";

    private static final int KEY_RACE_ATTEMPTS = 5;

    private final Database db;
    private final Clock clock;
    private final QueueQueries queries;
    private final TaskTransitions transitions;
    private final TaskSubmission submission;

    public JooqTaskRepository(Database db, Clock clock, QueueQueries queries, TaskTransitions transitions) {
        this.db = db;
        this.clock = clock;
        this.queries = queries;
        this.transitions = transitions;
        this.submission = new TaskSubmission(clock);
    }

    @Override
    public TaskId submit(NewTask task) {
        requireArgument("task", task);
        return submitAll(List.of(task)).getFirst();
    }

    @Override
    public List<TaskId> submitAll(List<NewTask> tasks) {
        requireArgument("tasks", tasks);
        if (tasks.stream().anyMatch(Objects::isNull)) {
            throw new InvalidInput("tasks", "contains null");
        }
        if (tasks.isEmpty()) {
            return List.of();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return db.write(dsl -> submission.submit(dsl, tasks));
            } catch (TaskSubmission.KeyRace race) {
                if (attempt == KEY_RACE_ATTEMPTS) {
                    throw new Busy("idempotency keys kept being stored concurrently; submit again", race);
                }
            } catch (ConstraintViolation e) {
                throw nameForeignKey(e, tasks);
            }
        }
    }

    /** SQLite does not say which foreign key failed; find the reference that does not resolve. */
    private ConstraintViolation nameForeignKey(ConstraintViolation e, List<NewTask> tasks) {
        if (!ErrorTranslator.UNNAMED_FOREIGN_KEY.equals(e.constraint())) {
            return e;
        }
        Set<UUID> batch = tasks.stream().filter(t -> t.id() != null).map(t -> t.id().value())
                .collect(Collectors.toSet());
        String name = db.read(dsl -> {
            for (NewTask task : tasks) {
                TaskId parent = task.parentTaskId();
                if (parent != null && !batch.contains(parent.value())
                        && !dsl.fetchExists(TASKS, TASKS.ID.eq(parent.value()))) {
                    return "fk_tasks_parent";
                }
                if (task.sessionId() != null && !dsl.fetchExists(SESSIONS, SESSIONS.ID.eq(task.sessionId()))) {
                    return "fk_tasks_session";
                }
            }
            return null;
        });
        return name == null ? e : new ConstraintViolation(e.kind(), name, e.getMessage(), e);
    }

    @Override
    public Optional<Task> get(TaskId id) {
        requireArgument("id", id);
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
        requireArgument("task", task);
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
        requireArgument("id", id);
        return db.write(dsl -> dsl.deleteFrom(TASKS).where(TASKS.ID.eq(id.value())).execute() > 0);
    }

    @Override
    public List<Task> list(TaskFilters filters) {
        requireArgument("filters", filters);
        return db.read(dsl -> TaskRows.toTasks(dsl, dsl.selectFrom(TASKS)
                .where(conditions(filters))
                .orderBy(TASKS.CALCULATED_PRIORITY.desc(), TASKS.SUBMITTED_AT.asc(), TASKS.ID.asc())
                .limit(filters.limit())
                .offset(filters.offset())
                .fetch()));
    }

    @Override
    public long count(TaskFilters filters) {
        requireArgument("filters", filters);
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
        return db.read(dsl -> TaskRows.toTasks(dsl, queries.ready(dsl, limit).fetchInto(TASKS)));
    }

    @Override
    public Task updateStatus(TaskId id, TaskStatus status) {
        requireArgument("id", id);
        requireArgument("status", status);
        db.write(dsl -> {
            OffsetDateTime now = Timestamps.now(clock);
            Map<Field<?>, Object> columns = status == TaskStatus.RUNNING ? Map.of(TASKS.STARTED_AT, now) : Map.of();
            if (transitions.move(dsl, List.of(id.value()), TaskStatus.predecessorsOf(status), status, now, columns)
                    .isEmpty()) {
                String current = dsl.select(TASKS.STATUS).from(TASKS).where(TASKS.ID.eq(id.value()))
                        .fetchOne(TASKS.STATUS);
                if (current == null) {
                    throw new NotFound(ENTITY, id);
                }
                throw new IllegalTransition(id, current, status.dbValue());
            }
            return null;
        });
        return require(id);
    }

    static void requireArgument(String name, Object value) {
        if (value == null) {
            throw new InvalidInput(name, "is required");
        }
    }
}
