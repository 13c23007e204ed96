package io.stratum.testkit.tck;

import static io.stratum.codegen.jooq.Tables.MEMORY_ENTRIES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.InvalidInput;
import io.stratum.Json;
import io.stratum.PageRequest;
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
import java.util.List;
import org.junit.jupiter.api.Test;

/** Purging finished tasks, old audit rows and dead memory in batches; identical on every backend. */
public abstract class RetentionContract extends ContractSupport {

    private TaskId finished(String summary, TaskStatus end) {
        TaskId id = db.tasks().submit(NewTask.builder(summary, "coder").build());
        if (end != TaskStatus.CANCELLED) {
            db.tasks().updateStatus(id, TaskStatus.RUNNING);
        }
        db.tasks().updateStatus(id, end);
        return id;
    }

    @Test
    void finishedTasksOlderThanTheCutOffGoUnlessAnUnfinishedTaskWaitsOnThem() {
        TaskId completed = finished("completed long ago", TaskStatus.COMPLETED);
        TaskId cancelled = finished("cancelled long ago", TaskStatus.CANCELLED);
        TaskId failed = finished("failed long ago", TaskStatus.FAILED);
        TaskId needed = finished("completed, but a pending task depends on it", TaskStatus.COMPLETED);
        TaskId chainDone = finished("completed, its dependent completed too", TaskStatus.COMPLETED);
        TaskId waiting = db.tasks()
                .submit(NewTask.builder("waits", "coder")
                        .dependsOn(needed)
                        .dependsOn(failed)
                        .build());
        TaskId dependentDone = db.tasks()
                .submit(NewTask.builder("done too", "coder")
                        .dependsOn(chainDone)
                        .build());
        db.tasks().updateStatus(dependentDone, TaskStatus.RUNNING);
        db.tasks().updateStatus(dependentDone, TaskStatus.COMPLETED);
        clock.advance(Duration.ofDays(31));
        OffsetDateTime cutoff = StoredTime.now(clock);
        clock.advance(Duration.ofDays(1));
        TaskId recent = finished("completed yesterday", TaskStatus.COMPLETED);

        long purged = db.retention().purgeTasks(cutoff, 1);

        assertThat(purged).isEqualTo(4);
        assertThat(db.tasks().list(TaskFilters.all(), PageRequest.first()).items())
                .extracting(Task::id)
                .containsExactlyInAnyOrder(failed, needed, waiting, recent);
        assertThat(db.tasks().require(waiting).dependencies()).containsExactlyInAnyOrder(needed, failed);
        assertThat(db.retention().purgeTasks(cutoff, 100)).isZero();
        assertThat(List.of(completed, cancelled, chainDone, dependentDone))
                .allSatisfy(id -> assertThat(db.tasks().get(id)).isEmpty());
    }

    @Test
    void auditRowsOlderThanTheCutOffGo() {
        for (int i = 0; i < 5; i++) {
            db.audit().record(AuditRecord.of("old", "thing", Integer.toString(i)));
        }
        clock.advance(Duration.ofDays(1));
        OffsetDateTime cutoff = StoredTime.now(clock);
        db.audit().record(AuditRecord.of("new", "thing", "5"));

        assertThat(db.retention().purgeAuditLog(cutoff, 2)).isEqualTo(5);
        assertThat(db.audit().query(AuditQuery.all(), PageRequest.first()).items())
                .extracting(AuditEntry::action)
                .containsExactly("new");
    }

    @Test
    void deadMemoryKeysLoseEveryVersionLiveOnesKeepTheirHistory() {
        for (int v = 1; v <= 3; v++) {
            db.memory().put("ns", "deleted-long-ago", Json.of(Integer.toString(v)));
            db.memory().put("ns", "live", Json.of(Integer.toString(v)));
        }
        db.memory().delete("ns", "deleted-long-ago", null);
        db.memory()
                .put(MemoryWrite.of("ns", "expired-long-ago", Json.of("1"))
                        .expiringAt(StoredTime.now(clock).plusMinutes(1)));
        db.memory()
                .put(MemoryWrite.of("ns", "expires-later", Json.of("1"))
                        .expiringAt(StoredTime.now(clock).plusDays(365)));
        clock.advance(Duration.ofDays(30));
        OffsetDateTime cutoff = StoredTime.now(clock);
        clock.advance(Duration.ofDays(1));
        db.memory().put("ns", "deleted-recently", Json.of("1"));
        db.memory().delete("ns", "deleted-recently", null);

        long purged = db.retention().purgeMemory(cutoff, 2);

        assertThat(purged).isEqualTo(5);
        assertThat(db.dsl()
                        .selectDistinct(MEMORY_ENTRIES.KEY)
                        .from(MEMORY_ENTRIES)
                        .fetch(MEMORY_ENTRIES.KEY))
                .containsExactlyInAnyOrder("live", "expires-later", "deleted-recently");
        assertThat(db.memory().history("ns", "live", PageRequest.first(10)).items())
                .hasSize(3);
        clock.advance(Duration.ofSeconds(1));
        assertThat(db.retention().purgeMemory(StoredTime.now(clock).plusDays(3650), 100))
                .as("an entry that has not expired yet is alive whatever the cut-off")
                .isEqualTo(2);
        assertThat(db.memory().get("ns", "expires-later")).isPresent();
    }

    @Test
    void argumentsAreValidated() {
        OffsetDateTime now = StoredTime.now(clock);
        assertThatThrownBy(() -> db.retention().purgeTasks(now, 0))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("batchSize"));
        assertThatThrownBy(() -> db.retention().purgeAuditLog(null, 10))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("writtenBefore"));
        assertThatThrownBy(() -> db.retention().purgeMemory(now, 10_001)).isInstanceOf(InvalidInput.class);
    }
}
