package io.stratum.testkit.tck;

import static io.stratum.codegen.jooq.Tables.AUDIT_LOG;
import static io.stratum.codegen.jooq.Tables.SESSIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.Busy;
import io.stratum.ConstraintViolation;
import io.stratum.InvalidInput;
import io.stratum.Json;
import io.stratum.PageRequest;
import io.stratum.RetryPolicy;
import io.stratum.Stratum;
import io.stratum.Transaction;
import io.stratum.TransactionOptions;
import io.stratum.Unavailable;
import io.stratum.audit.AuditQuery;
import io.stratum.memory.MemoryEntry;
import io.stratum.session.NewSession;
import io.stratum.session.SessionFilters;
import io.stratum.session.SessionId;
import io.stratum.task.NewTask;
import io.stratum.task.TaskFilters;
import io.stratum.task.TaskId;
import io.stratum.task.TaskStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Transactions across repositories: atomicity, nesting, doom, read-only, retry; identical on every backend. */
public abstract class TransactionContract extends ContractSupport {

    private long auditRows() {
        return db.dsl().fetchCount(AUDIT_LOG);
    }

    @Test
    void aClosedStoreRefusesEveryCallAtOnceAndAlike() {
        Stratum closed = storeBuilder(url).open();
        migrate(closed, url); // a private in-memory database is the store's own
        TaskId task =
                closed.tasks().submit(NewTask.builder("before close", "coder").build());
        closed.close();
        List<ThrowingCallable> calls = List.of(
                () -> closed.tasks().count(TaskFilters.all()),
                () -> closed.tasks()
                        .submit(NewTask.builder("after close", "coder").build()),
                () -> closed.queue().claim("worker", 1, Duration.ofMinutes(1)),
                () -> closed.memory().put("ns", "k", Json.of("1")),
                () -> closed.transaction(tx -> tx.tasks().require(task)));
        for (ThrowingCallable call : calls) {
            assertThatThrownBy(call).isInstanceOfSatisfying(Unavailable.class, e -> {
                assertThat(e.isRetryable()).isFalse();
                assertThat(e.getMessage()).contains("store is closed");
            });
        }
    }

    @Test
    void everythingInATransactionCommitsTogether() {
        TaskId id = db.transactionResult(tx -> {
            SessionId session =
                    tx.sessions().create(NewSession.named("together")).id();
            TaskId task = tx.tasks()
                    .submit(NewTask.builder("t", "coder").sessionId(session).build());
            tx.tasks().updateStatus(task, TaskStatus.RUNNING);
            tx.memory().put("ns", "k", Json.of("1"));
            tx.sessions().append(session, "started", null);
            assertThat(tx.tasks().require(task).status()).isEqualTo(TaskStatus.RUNNING);
            return task;
        });

        assertThat(db.tasks().require(id).status()).isEqualTo(TaskStatus.RUNNING);
        assertThat(db.memory().get("ns", "k")).isPresent();
        assertThat(db.sessions()
                        .list(SessionFilters.all(), PageRequest.first())
                        .items()
                        .getFirst()
                        .lastEventSeq())
                .isEqualTo(1);
        assertThat(auditRows()).isEqualTo(2);
    }

    @Test
    void rollbackLeavesNothingTasksMemoryAndAuditAlike() {
        TaskId existing = db.tasks().submit(NewTask.builder("before", "coder").build());
        long auditBefore = auditRows();
        IllegalStateException boom = new IllegalStateException("boom");

        assertThatThrownBy(() -> db.transaction(tx -> {
                    tx.tasks().submit(NewTask.builder("doomed", "coder").build());
                    tx.tasks().updateStatus(existing, TaskStatus.RUNNING);
                    tx.memory().put("ns", "k", Json.of("{\"x\": 1}"));
                    tx.memory().put("ns", "k", Json.of("{\"x\": 2}"));
                    tx.sessions().create(NewSession.named("doomed"));
                    tx.audit().record(io.stratum.audit.AuditRecord.of("custom", "thing", "1"));
                    throw boom;
                }))
                .isSameAs(boom);

        assertThat(db.tasks().count(TaskFilters.all())).isEqualTo(1);
        assertThat(db.tasks().require(existing).status()).isEqualTo(TaskStatus.READY);
        assertThat(db.memory().history("ns", "k", PageRequest.first(10)).items())
                .isEmpty();
        assertThat(db.sessions().list(SessionFilters.all(), PageRequest.first()).items())
                .isEmpty();
        assertThat(auditRows()).isEqualTo(auditBefore);
    }

    @Test
    void nestedTransactionsAndRepositoryCallsJoinTheOuterOne() {
        assertThatThrownBy(() -> db.transaction(outer -> {
                    outer.memory().put("ns", "outer", Json.of("1"));
                    db.transaction(inner -> {
                        assertThat(inner.memory().get("ns", "outer")).isPresent();
                        inner.memory().put("ns", "inner", Json.of("2"));
                    });
                    db.memory().put("ns", "top-level", Json.of("3"));
                    int innerAttempt = db.transactionResult(Transaction::attempt);
                    assertThat(innerAttempt).isEqualTo(outer.attempt());
                    assertThat(db.memory().get("ns", "inner")).isPresent();
                    throw new IllegalStateException("undo everything");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(db.memory().list("ns", "", PageRequest.first(10)).items()).isEmpty();
        assertThat(auditRows()).isZero();
    }

    @Test
    void theApplicationsOwnStatementsShareTheTransaction() {
        SessionId id = SessionId.generate();
        assertThatThrownBy(() -> db.transaction(tx -> {
                    tx.dsl()
                            .insertInto(SESSIONS)
                            .set(SESSIONS.ID, id.value())
                            .set(SESSIONS.STATUS, "active")
                            .set(SESSIONS.STARTED_AT, java.time.OffsetDateTime.now(clock))
                            .set(SESSIONS.LAST_EVENT_SEQ, 0L)
                            .execute();
                    assertThat(tx.sessions().get(id)).isPresent();
                    throw new IllegalStateException("undo");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(db.sessions().get(id)).isEmpty();
    }

    @Test
    void aFailedStatementDoomsTheTransactionEvenIfTheWorkCatchesIt() {
        List<Throwable> afterwards = new ArrayList<>();
        assertThatThrownBy(() -> db.transaction(tx -> {
                    tx.memory().put("ns", "before", Json.of("1"));
                    try {
                        tx.dsl()
                                .insertInto(SESSIONS)
                                .set(SESSIONS.ID, UUID.randomUUID())
                                .set(SESSIONS.STATUS, "bogus")
                                .set(SESSIONS.STARTED_AT, java.time.OffsetDateTime.now(clock))
                                .set(SESSIONS.LAST_EVENT_SEQ, 0L)
                                .execute();
                    } catch (ConstraintViolation expected) {
                        // swallowed on purpose
                    }
                    try {
                        tx.memory().put("ns", "after", Json.of("2"));
                    } catch (IllegalStateException e) {
                        afterwards.add(e);
                    }
                }))
                .isInstanceOfSatisfying(
                        ConstraintViolation.class,
                        e -> assertThat(e.constraint()).isEqualTo("ck_sessions_status"));

        assertThat(afterwards)
                .singleElement()
                .satisfies(e -> assertThat(e.getCause()).isInstanceOf(ConstraintViolation.class));
        assertThat(db.memory().list("ns", "", PageRequest.first(10)).items()).isEmpty();
        assertThat(db.sessions().list(SessionFilters.all(), PageRequest.first()).items())
                .isEmpty();
    }

    @Test
    void aRefusedReferenceDoesNotDoomTheTransaction() {
        db.transaction(tx -> {
            assertThatThrownBy(() -> tx.tasks()
                            .submit(NewTask.builder("orphan", "coder")
                                    .sessionId(SessionId.generate())
                                    .build()))
                    .isInstanceOfSatisfying(
                            ConstraintViolation.class,
                            e -> assertThat(e.constraint()).isEqualTo("fk_tasks_session"));
            tx.memory().put("ns", "kept", Json.of("1"));
        });
        assertThat(db.memory().get("ns", "kept")).isPresent();
        assertThat(db.tasks().count(TaskFilters.all())).isZero();
    }

    @Test
    void readOnlyTransactionsReadAndRefuseWrites() {
        db.memory().put("ns", "k", Json.of("\"v\""));

        MemoryEntry read = db.transactionResult(TransactionOptions.READ_ONLY, tx -> {
            assertThat(tx.isReadOnly()).isTrue();
            return tx.memory().get("ns", "k").orElseThrow();
        });
        assertThat(read.value()).isEqualTo(Json.of("\"v\""));

        assertThatThrownBy(() -> db.transaction(
                        TransactionOptions.READ_ONLY, tx -> tx.memory().put("ns", "k", Json.of("1"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("read-only");
        assertThatThrownBy(() -> db.transaction(
                        TransactionOptions.READ_ONLY,
                        tx -> db.tasks()
                                .submit(NewTask.builder("joins the read-only one", "coder")
                                        .build())))
                .isInstanceOf(IllegalStateException.class);
        assertThat(db.memory().get("ns", "k").orElseThrow().version()).isEqualTo(1);
        assertThat(db.tasks().count(TaskFilters.all())).isZero();
    }

    @Test
    void serializableTransactionsRunToo() {
        db.transaction(TransactionOptions.SERIALIZABLE, tx -> tx.memory().put("ns", "k", Json.of("1")));
        assertThat(db.memory().get("ns", "k")).isPresent();
        assertThatThrownBy(() -> new TransactionOptions(null, false)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void aTransientFailureRunsTheWholeUnitAgainAndEarlierAttemptsLeaveNothing() {
        List<Integer> attempts = new ArrayList<>();

        MemoryEntry written = db.transactionResult(tx -> {
            attempts.add(tx.attempt());
            MemoryEntry entry = tx.memory().put("ns", "k", Json.of(Integer.toString(tx.attempt())));
            if (tx.attempt() < 3) {
                throw new Busy("simulated serialisation failure", null);
            }
            return entry;
        });

        assertThat(attempts).containsExactly(1, 2, 3);
        assertThat(written.version()).isEqualTo(1);
        assertThat(db.memory().history("ns", "k", PageRequest.first(10)).items())
                .singleElement()
                .satisfies(e -> assertThat(e.value()).isEqualTo(Json.of("3")));
        assertThat(db.audit().query(AuditQuery.all(), PageRequest.first()).items())
                .hasSize(1);
    }

    @Test
    void retryingGivesUpAfterTheBoundWithTheTypedError() {
        List<Integer> attempts = new ArrayList<>();

        assertThatThrownBy(() -> db.transaction(tx -> {
                    attempts.add(tx.attempt());
                    tx.memory().put("ns", "k", Json.of("1"));
                    throw new Busy("always busy", null);
                }))
                .isInstanceOf(Busy.class)
                .hasMessage("always busy");

        assertThat(attempts).hasSize(RetryPolicy.defaults().maxAttempts());
        assertThat(db.memory().get("ns", "k")).isEmpty();
        assertThat(auditRows()).isZero();
    }

    @Test
    void otherFailuresAreNotRetried() {
        List<Integer> attempts = new ArrayList<>();
        assertThatThrownBy(() -> db.transaction(tx -> {
                    attempts.add(tx.attempt());
                    tx.memory().put("ns", "bad key", Json.of("1"));
                }))
                .isInstanceOf(InvalidInput.class);
        assertThat(attempts).containsExactly(1);
    }

    @Test
    void aTransactionCannotBeUsedAfterItsWork() {
        AtomicReference<Transaction> leaked = new AtomicReference<>();
        db.transaction(leaked::set);

        assertThatThrownBy(() -> leaked.get().memory().put("ns", "k", Json.of("1")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ended");
        assertThatThrownBy(() -> leaked.get().dsl()).isInstanceOf(IllegalStateException.class);
    }
}
