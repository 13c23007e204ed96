package io.stratum.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.Json;
import io.stratum.LeaseLost;
import io.stratum.Stratum;
import io.stratum.queue.Claimed;
import io.stratum.queue.Completion;
import io.stratum.queue.Lease;
import io.stratum.task.NewTask;
import io.stratum.task.TaskId;
import io.stratum.task.TaskStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The example of docs/queue.md, verbatim (DocSamplesTest checks that), so that it keeps compiling and doing what
 * the comments say.
 */
class ReadmeQueueExampleTest {
    @Test
    void queueExampleRuns() {
        try (Stratum db = Stratum.open("jdbc:sqlite::memory:")) {
            db.migrate();

            TaskId design = TaskId.generate(); // ids chosen up front: a batch can refer to itself
            List<TaskId> ids = db.tasks()
                    .submitAll(List.of( // one transaction, thousands of tasks if need be
                            NewTask.builder("design the API", "architect")
                                    .id(design)
                                    .priority(8)
                                    .build(),
                            NewTask.builder("implement it", "coder")
                                    .dependsOn(design)
                                    .idempotencyKey("impl-42")
                                    .build(),
                            NewTask.builder("document it", "writer")
                                    .dependsOn(design)
                                    .build()));

            for (Claimed work : db.queue().claim("worker-1", 16, Duration.ofMinutes(5))) { // [design]
                Lease lease = db.queue().heartbeat(work.lease(), Duration.ofMinutes(5)); // still working: extend
                try {
                    db.queue().complete(lease, Json.of("{\"ok\": true}")); // design completed, both dependents ready
                } catch (LeaseLost late) {
                    // the lease expired and the task went back to the queue: the result is not recorded
                }
            }
            List<Claimed> both = db.queue().claim("worker-2", 16, Duration.ofMinutes(5));
            db.queue().fail(both.get(0).lease(), "compiler crashed"); // ready again after the back-off, retry_count 1
            db.queue().completeAll(List.of(new Completion(both.get(1).lease(), null))); // many leases, one commit
            List<TaskId> cancelled = db.queue().cancel(both.get(0).task().id()); // it and everything waiting on it

            assertThat(ids.getFirst()).isEqualTo(design);
            assertThat(db.tasks().require(design).status()).isEqualTo(TaskStatus.COMPLETED);
            assertThat(both).extracting(c -> c.task().id()).containsExactlyInAnyOrderElementsOf(ids.subList(1, 3));
            assertThat(db.tasks().require(both.get(0).task().id()).retryCount()).isEqualTo(1);
            assertThat(db.tasks().require(both.get(1).task().id()).status()).isEqualTo(TaskStatus.COMPLETED);
            assertThat(cancelled).containsExactly(both.get(0).task().id());
        }
    }
}
