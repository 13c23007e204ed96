package io.stratum.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.InvalidInput;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NewTaskValidationTest {

    static Stream<Arguments> invalid() {
        return Stream.of(
                bad("summary", null, b -> b),
                bad("summary", "   ", b -> b),
                bad("summary", "x".repeat(141), b -> b),
                bad("summary", "nul\0inside", b -> b),
                bad("summary", "lone \uD800 surrogate", b -> b),
                bad("agentType", "ok", b -> NewTask.builder("ok", null)),
                bad("priority", "ok", b -> b.priority(11)),
                bad("priority", "ok", b -> b.priority(-1)),
                bad("maxRetries", "ok", b -> b.maxRetries(-1)),
                bad("maxExecutionTimeoutSeconds", "ok", b -> b.maxExecutionTimeoutSeconds(0)),
                bad("estimatedDurationSeconds", "ok", b -> b.estimatedDurationSeconds(-5)),
                bad("description", "ok", b -> b.description(null)),
                bad("idempotencyKey", "ok", b -> b.idempotencyKey("")),
                bad("idempotencyKey", "ok", b -> b.idempotencyKey("k".repeat(256))),
                bad("dependencyType", "ok", b -> b.dependencyType(null)),
                bad("source", "ok", b -> b.source(null)),
                bad("dependsOn", "ok", b -> {
                    TaskId same = TaskId.of(UUID.randomUUID());
                    return b.dependsOn(same, same);
                }),
                bad("featureBranch", "ok", b -> b.featureBranch("x".repeat(4097))));
    }

    private static Arguments bad(String field, String summary, UnaryOperator<NewTask.Builder> change) {
        return Arguments.of(field, summary, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalidFieldIsNamed(String field, String summary, UnaryOperator<NewTask.Builder> change) {
        assertThatThrownBy(() -> change.apply(NewTask.builder(summary, "coder")).build())
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void summaryLimitCountsCharactersNotUtf16Units() {
        String emoji140 = "🚀".repeat(140); // 280 UTF-16 units, 140 characters
        assertThat(NewTask.builder(emoji140, "coder").build().summary()).isEqualTo(emoji140);
    }

    @Test
    void defaultsMatchTheOriginalSchema() {
        NewTask t = NewTask.builder("s", "a").build();
        assertThat(t.priority()).isEqualTo(5);
        assertThat(t.maxRetries()).isEqualTo(3);
        assertThat(t.maxExecutionTimeoutSeconds()).isEqualTo(3600);
        assertThat(t.dependencyType()).isEqualTo(DependencyType.SEQUENTIAL);
        assertThat(t.source()).isEqualTo(TaskSource.HUMAN);
    }

    @Test
    void enumParsingNamesTheAllowedValues() {
        assertThat(TaskStatus.parse("Ready")).isEqualTo(TaskStatus.READY);
        assertThatThrownBy(() -> TaskStatus.parse("sleeping"))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("pending, blocked, ready, running, completed, failed, cancelled");
        assertThatThrownBy(() -> TaskId.parse("not-a-uuid")).isInstanceOf(InvalidInput.class);
    }

    private static NewTask withDependencies(List<TaskId> dependsOn) {
        NewTask t = NewTask.builder("s", "a").build();
        return new NewTask(
                t.summary(),
                t.description(),
                t.agentType(),
                t.priority(),
                t.dependencyType(),
                dependsOn,
                t.inputData(),
                t.maxRetries(),
                t.maxExecutionTimeoutSeconds(),
                t.createdBy(),
                t.parentTaskId(),
                t.sessionId(),
                t.source(),
                t.deadline(),
                t.estimatedDurationSeconds(),
                t.featureBranch(),
                t.taskBranch(),
                t.worktreePath(),
                t.idempotencyKey(),
                t.id(),
                t.runAfter());
    }

    @Test
    void aNullDependencyListOrArrayIsInvalidInputNotANullPointer() {
        assertThatThrownBy(() -> NewTask.builder("s", "a").dependsOn((List<TaskId>) null))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("dependsOn"));
        assertThatThrownBy(() -> NewTask.builder("s", "a").dependsOn((TaskId[]) null))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("dependsOn"));
        assertThatThrownBy(
                        () -> NewTask.builder("s", "a").dependsOn((TaskId) null).build())
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.getMessage()).contains("contains null"));
    }

    @Test
    void theCanonicalConstructorChecksTheDependencies() {
        TaskId same = TaskId.generate();
        assertThatThrownBy(() -> withDependencies(null))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("dependsOn"));
        assertThatThrownBy(() -> withDependencies(Arrays.asList(same, null)))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("dependsOn"));
        assertThatThrownBy(() -> withDependencies(List.of(same, same)))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("dependsOn"));
        assertThat(withDependencies(List.of(same)).dependsOn()).containsExactly(same);
    }
}
