package io.stratum.internal.task;

import static io.stratum.codegen.jooq.Tables.AGENTS;
import static io.stratum.codegen.jooq.Tables.TASKS;

import io.stratum.Busy;
import io.stratum.ConstraintViolation;
import io.stratum.IllegalTransition;
import io.stratum.InvalidInput;
import io.stratum.NotFound;
import io.stratum.Page;
import io.stratum.PageRequest;
import io.stratum.StaleVersion;
import io.stratum.TaskDependedOn;
import io.stratum.agent.AgentId;
import io.stratum.codegen.jooq.tables.records.TasksRecord;
import io.stratum.internal.observe.QueueEvents;
import io.stratum.internal.queue.QueueQueries;
import io.stratum.internal.statement.KeyConflicts;
import io.stratum.internal.tx.Database;
import io.stratum.internal.values.Arguments;
import io.stratum.internal.values.Cursors;
import io.stratum.internal.values.Paging;
import io.stratum.internal.values.Timestamps;
import io.stratum.internal.wake.WakeUps;
import io.stratum.queue.QueueOperation;
import io.stratum.task.NewTask;
import io.stratum.task.Task;
import io.stratum.task.TaskFilters;
import io.stratum.task.TaskId;
import io.stratum.task.TaskRepository;
import io.stratum.task.TaskStatus;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Record2;

/** {@link TaskRepository} in jOOQ, the same SQL on every backend. */
public final class JooqTaskRepository implements TaskRepository {
    private static final String ENTITY = "task";
    /** Tasks named when a delete is refused because they wait for the task. */
    private static final int WAITING_NAMED = 5;

    private final Database db;
    private final Clock clock;
    private final QueueQueries queries;
    private final TaskListing listing;
    private final TaskTransitions transitions;
    private final TaskSubmission submission;
    private final WakeUps wakeUps;
    private final QueueEvents events;

    public JooqTaskRepository(
            Database db,
            Clock clock,
            QueueQueries queries,
            TaskListing listing,
            TaskTransitions transitions,
            WakeUps wakeUps,
            QueueEvents events,
            KeyConflicts keyConflicts) {
        this.db = db;
        this.clock = clock;
        this.queries = queries;
        this.listing = listing;
        this.transitions = transitions;
        this.submission = new TaskSubmission(clock, keyConflicts);
        this.wakeUps = wakeUps;
        this.events = events;
    }

    private JooqTaskRepository(Database db, JooqTaskRepository shared) {
        this.db = db;
        this.clock = shared.clock;
        this.queries = shared.queries;
        this.listing = shared.listing;
        this.transitions = shared.transitions;
        this.submission = shared.submission;
        this.wakeUps = shared.wakeUps;
        this.events = shared.events;
    }

    /** This repository on {@code db}, sharing its statements, wake-ups and observers. */
    public JooqTaskRepository on(Database db) {
        return new JooqTaskRepository(db, this);
    }

    @Override
    public TaskId submit(NewTask task) {
        Arguments.require("task", task);
        return submitAll(List.of(task)).getFirst();
    }

    @Override
    public List<TaskId> submitAll(List<NewTask> tasks) {
        return events.any() ? events.timed(QueueOperation.SUBMIT, () -> submitNow(tasks)) : submitNow(tasks);
    }

    private List<TaskId> submitNow(List<NewTask> tasks) {
        Arguments.require("tasks", tasks);
        if (tasks.stream().anyMatch(Objects::isNull)) {
            throw new InvalidInput("tasks", "contains null");
        }
        if (tasks.isEmpty()) {
            return List.of();
        }
        Function<DSLContext, List<TaskId>> submit = dsl -> {
            List<TaskId> ids = submission.submit(dsl, tasks);
            wakeUps.madeReady();
            return ids;
        };
        return TaskSubmission.isOneStatement(tasks) ? db.writeOne(submit) : db.write(submit);
    }

    /** The error for a reference that does not resolve, named after its foreign key on every backend. */
    static ConstraintViolation missingReference(String constraint, String what) {
        return new ConstraintViolation(
                ConstraintViolation.Kind.FOREIGN_KEY, constraint, what + " does not exist", null);
    }

    @Override
    public Optional<Task> get(TaskId id) {
        Arguments.require("id", id);
        return db.read(dsl -> {
            TasksRecord row =
                    dsl.selectFrom(TASKS).where(TASKS.ID.eq(id.value())).fetchOne();
            return row == null
                    ? Optional.<Task>empty()
                    : Optional.of(TaskRows.toTasks(dsl, List.of(row)).getFirst());
        });
    }

    @Override
    public Task require(TaskId id) {
        return get(id).orElseThrow(() -> new NotFound(ENTITY, id));
    }

    @Override
    public Task update(Task task) {
        Arguments.require("task", task);
        Arguments.require("id", task.id());
        // Task's constructor checks nothing (it also loads stored rows); the edit checks what is written here.
        task.toBuilder().build();
        db.write(dsl -> {
            OffsetDateTime now = Timestamps.now(clock);
            OffsetDateTime deadline = Timestamps.normalize(task.deadline());
            int updated = dsl.update(TASKS)
                    .set(TASKS.SUMMARY, task.summary())
                    .set(TASKS.DESCRIPTION, task.description())
                    .set(TASKS.AGENT_TYPE, task.agentType())
                    .set(TASKS.PRIORITY, task.priority())
                    .set(
                            TASKS.CALCULATED_PRIORITY,
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
                Long stored = dsl.select(TASKS.VERSION)
                        .from(TASKS)
                        .where(TASKS.ID.eq(task.id().value()))
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
        return db.write(dsl -> {
            // The task's row is locked first: a submit that adds a dependent on it meanwhile waits (its foreign key
            // check needs the row), then finds it gone.
            if (queries.locked(dsl.select(TASKS.ID).from(TASKS).where(TASKS.ID.eq(id.value())))
                    .fetch()
                    .isEmpty()) {
                return false;
            }
            List<TaskId> waiting = dsl.select(TASKS.ID)
                    .from(TASKS)
                    .where(TASKS.ID.in(queries.dependents(dsl, List.of(id.value()))))
                    .and(Statuses.oneOf(TASKS.STATUS, EnumSet.of(TaskStatus.PENDING, TaskStatus.BLOCKED)))
                    .orderBy(TASKS.ID)
                    .limit(WAITING_NAMED)
                    .fetch(r -> new TaskId(r.value1()));
            if (!waiting.isEmpty()) {
                throw new TaskDependedOn(id, waiting);
            }
            return dsl.deleteFrom(TASKS).where(TASKS.ID.eq(id.value())).execute() > 0;
        });
    }

    @Override
    public Page<Task> list(TaskFilters filters, PageRequest page) {
        Arguments.require("filters", filters);
        Arguments.require("page", page);
        List<Task> rows = db.read(
                dsl -> TaskRows.toTasks(dsl, listing.page(dsl, filters, page).fetchInto(TASKS)));
        return Cursors.page(rows, page.limit(), TaskListing::cursorOf);
    }

    @Override
    public long count(TaskFilters filters) {
        Arguments.require("filters", filters);
        return db.read(dsl -> (long) dsl.fetchCount(TASKS, TaskListing.matching(filters)));
    }

    @Override
    public List<Task> getReadyTasks(int limit) {
        Paging.limit("limit", limit);
        return db.read(dsl -> TaskRows.toTasks(
                dsl, queries.ready(dsl, Timestamps.now(clock), limit).fetchInto(TASKS)));
    }

    @Override
    public Task updateStatus(TaskId id, TaskStatus status) {
        Arguments.require("id", id);
        Arguments.require("status", status);
        return db.write(dsl -> {
            Record2<String, Long> current = dsl.select(TASKS.STATUS, TASKS.VERSION)
                    .from(TASKS)
                    .where(TASKS.ID.eq(id.value()))
                    .fetchOne();
            if (current == null) {
                throw new NotFound(ENTITY, id);
            }
            TaskStatus from = TaskStatus.parse(current.value1());
            if (!from.canMoveTo(status)) {
                throw new IllegalTransition(id, from.dbValue(), status.dbValue());
            }
            TaskMove move = TaskMove.of(from, status)
                    // The version guard makes the audited "before" exact; it fails only when a concurrent PostgreSQL
                    // transaction changed the task after it was read, and then the whole unit of work runs again.
                    .where(TASKS.VERSION.eq(current.value2()));
            OffsetDateTime now = Timestamps.now(clock);
            if (transitions
                    .move(
                            dsl,
                            List.of(id.value()),
                            status == TaskStatus.RUNNING ? move.set(TASKS.STARTED_AT, now) : move,
                            now)
                    .isEmpty()) {
                throw new Busy("task " + id + " was changed by a concurrent transaction", null);
            }
            return load(dsl, id);
        });
    }

    @Override
    public Task assignAgent(TaskId id, AgentId agentId) {
        Arguments.require("id", id);
        Arguments.require("agentId", agentId);
        return db.write(dsl -> {
            if (!dsl.fetchExists(AGENTS, AGENTS.ID.eq(agentId.value()))) {
                throw missingReference("fk_tasks_agent", "agent " + agentId);
            }
            int updated = dsl.update(TASKS)
                    .set(TASKS.AGENT_ID, agentId.value())
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
}
