package io.stratum.task;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaskStatusTest {
    @Test
    void finalStatusesHaveNoSuccessors() {
        for (TaskStatus next : TaskStatus.values()) {
            assertThat(TaskStatus.COMPLETED.canMoveTo(next)).isFalse();
            assertThat(TaskStatus.CANCELLED.canMoveTo(next)).isFalse();
        }
    }

    @Test
    void onlyReadyTasksStartRunning() {
        assertThat(TaskStatus.predecessorsOf(TaskStatus.RUNNING)).containsExactly(TaskStatus.READY);
    }

    @Test
    void failedTasksCanBeRetriedAndRunningOnesReclaimed() {
        assertThat(TaskStatus.predecessorsOf(TaskStatus.READY))
                .containsExactlyInAnyOrder(
                        TaskStatus.PENDING, TaskStatus.BLOCKED, TaskStatus.RUNNING, TaskStatus.FAILED);
    }
}
