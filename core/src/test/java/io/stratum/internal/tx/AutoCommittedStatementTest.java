package io.stratum.internal.tx;

import static io.stratum.codegen.jooq.Tables.MEMORY_ENTRIES;
import static io.stratum.codegen.jooq.Tables.SESSIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.PoolSettings;
import io.stratum.RetryPolicy;
import io.stratum.Stratum;
import io.stratum.TransactionOptions;
import io.stratum.spi.Backend;
import io.stratum.spi.BackendConnection;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link TransactionRunner#runStatement}: one statement in auto-commit mode, or a join of the open transaction. */
class AutoCommittedStatementTest {

    private static void withRunner(Path dir, java.util.function.BiConsumer<TransactionRunner, DSLContext> test) {
        String url = "jdbc:sqlite:" + dir.resolve("auto.db");
        try (Stratum db = Stratum.open(url)) {
            db.migrate();
        }
        Backend backend = Backends.forUrl(url);
        try (BackendConnection connection = backend.connect(url, PoolSettings.defaults(), Map.of())) {
            ErrorTranslator errors = new ErrorTranslator(backend);
            DSLContext dsl = Jooq.context(connection.dataSource(), backend, errors, List.of());
            test.accept(
                    new TransactionRunner(
                            connection.dataSource(),
                            dsl.configuration(),
                            backend,
                            connection.writeGate(),
                            errors,
                            new Retrier(RetryPolicy.none(), null)),
                    dsl);
        }
    }

    private static int insertSession(DSLContext dsl, String name) {
        return dsl.insertInto(
                        SESSIONS,
                        SESSIONS.ID,
                        SESSIONS.NAME,
                        SESSIONS.STATUS,
                        SESSIONS.STARTED_AT,
                        SESSIONS.LAST_EVENT_SEQ)
                .values(UUID.randomUUID(), name, "active", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC), 0L)
                .execute();
    }

    @Test
    void aSingleStatementCommitsByItself(@TempDir Path dir) {
        withRunner(dir, (runner, dsl) -> {
            int inserted = runner.runStatement(d -> insertSession(d, "one"));
            assertThat(inserted).isEqualTo(1);
            assertThat(dsl.fetchCount(SESSIONS)).isEqualTo(1);
        });
    }

    @Test
    void aSecondStatementIsAProgrammingErrorAndRunsNot(@TempDir Path dir) {
        withRunner(dir, (runner, dsl) -> {
            assertThatThrownBy(() -> runner.runStatement(d -> insertSession(d, "first") + insertSession(d, "second")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("second one");
            assertThat(dsl.select(SESSIONS.NAME).from(SESSIONS).fetch(SESSIONS.NAME))
                    .containsExactly("first");
        });
    }

    @Test
    void aBatchIsRefusedBeforeAnyOfItsRowsIsWritten(@TempDir Path dir) {
        withRunner(dir, (runner, dsl) -> {
            assertThatThrownBy(() -> runner.runStatement(d -> d.batch(d.insertInto(
                                            SESSIONS,
                                            SESSIONS.ID,
                                            SESSIONS.NAME,
                                            SESSIONS.STATUS,
                                            SESSIONS.STARTED_AT,
                                            SESSIONS.LAST_EVENT_SEQ)
                                    .values((UUID) null, null, null, null, null))
                            .bind(
                                    UUID.randomUUID(),
                                    "a",
                                    "active",
                                    java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC),
                                    0L)
                            .bind(
                                    UUID.randomUUID(),
                                    "b",
                                    "active",
                                    java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC),
                                    0L)
                            .execute()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("batch");
            assertThat(dsl.fetchCount(SESSIONS)).isZero();
        });
    }

    @Test
    void insideATransactionItJoinsItAndRollsBackWithIt(@TempDir Path dir) {
        withRunner(dir, (runner, dsl) -> {
            assertThatThrownBy(() -> runner.run(TransactionOptions.DEFAULT, tx -> {
                        runner.runStatement(d -> insertSession(d, "joined"));
                        tx.dsl().deleteFrom(MEMORY_ENTRIES).execute();
                        throw new IllegalStateException("roll back");
                    }))
                    .hasMessage("roll back");
            assertThat(dsl.fetchCount(SESSIONS)).isZero();
        });
    }
}
