package io.stratum.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.stratum.InvalidInput;
import io.stratum.Json;
import io.stratum.PageRequest;
import io.stratum.Stratum;
import io.stratum.task.DependencyType;
import io.stratum.task.Task;
import io.stratum.task.TaskFilters;
import io.stratum.task.TaskSource;
import io.stratum.task.TaskStatus;
import io.stratum.testkit.internal.fixtures.FixtureLoader;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Fixture files: tasks with local names for dependencies and parents, in YAML and JSON; typed errors. */
@StratumTest(fixtures = {"fixtures/release.yaml", "fixtures/hotfix.json"})
class FixturesTest {

    @Test
    void loadsTheTasksInDependencyOrder(Stratum db, Fixtures fixtures) {
        Task spec = db.tasks().require(fixtures.task("spec"));
        Task api = db.tasks().require(fixtures.task("api"));
        Task ui = db.tasks().require(fixtures.task("ui"));
        Task release = db.tasks().require(fixtures.task("release"));
        Task epic = db.tasks().require(fixtures.task("epic"));

        assertThat(db.tasks().count(TaskFilters.all())).isEqualTo(7);
        assertThat(spec.status()).isEqualTo(TaskStatus.READY);
        assertThat(List.of(api.status(), ui.status(), release.status())).containsOnly(TaskStatus.PENDING);
        assertThat(api.dependencies()).containsExactly(spec.id());
        assertThat(release.dependencies()).containsExactly(api.id(), ui.id());
        assertThat(release.dependencyDepth()).isEqualTo(2);
        assertThat(List.of(api.parentTaskId(), ui.parentTaskId(), release.parentTaskId()))
                .containsOnly(epic.id());
        assertThat(spec.parentTaskId()).isNull();
    }

    @Test
    void readsEveryKindOfValue(Stratum db, Fixtures fixtures) {
        Task spec = db.tasks().require(fixtures.task("spec"));
        assertThat(spec.description()).isEqualTo("What the release contains.\n");
        assertThat(spec.priority()).isEqualTo(7);
        assertThat(spec.source()).isEqualTo(TaskSource.AGENT_PLANNER);
        assertThat(spec.inputData())
                .isEqualTo(
                        Json.of(
                                "{\"doc\":\"docs/spec.md\",\"pages\":12,\"ratio\":1.50,\"draft\":true,\"reviewers\":[\"ana\",\"bo\"],\"notes\":null}"));

        Task api = db.tasks().require(fixtures.task("api"));
        assertThat(api.featureBranch()).isEqualTo("feature/api");
        assertThat(api.maxRetries()).isEqualTo(5);
        assertThat(db.tasks().require(fixtures.task("ui")).dependencyType()).isEqualTo(DependencyType.PARALLEL);
        assertThat(db.tasks().require(fixtures.task("release")).deadline())
                .isEqualTo(OffsetDateTime.parse("2030-01-31T12:00:00Z"));
        assertThat(db.tasks()
                        .list(TaskFilters.builder().agentType("janitor").build(), PageRequest.first())
                        .items())
                .singleElement()
                .extracting(Task::idempotencyKey)
                .isEqualTo("chore-1");
    }

    @Test
    void readsJsonWithTabsAndEscapesAndNamesFromAnotherFile(Stratum db, Fixtures fixtures) {
        Task hotfix = db.tasks().require(fixtures.task("hotfix"));
        assertThat(hotfix.summary()).isEqualTo("patch the /api route");
        assertThat(hotfix.dependencies()).containsExactly(fixtures.task("api"));
        assertThat(hotfix.inputData())
                .isEqualTo(
                        Json.of(
                                "{\"path\":\"/api\",\"retries\":3,\"ratio\":2.5e-1,\"ok\":false,\"label\":\"caf\u00e9\",\"tags\":[]}"));
    }

    @Test
    @StratumTest(backend = "postgresql", fixtures = "fixtures/release.yaml")
    void loadsOnPostgresToo(Stratum db, Fixtures fixtures) {
        Task release = db.tasks().require(fixtures.task("release"));
        assertThat(release.dependencies()).containsExactly(fixtures.task("api"), fixtures.task("ui"));
        assertThat(db.tasks().count(TaskFilters.all())).isEqualTo(6);
    }

    @Test
    void namesTheKnownTasksWhenAskedForAnother(Fixtures fixtures) {
        assertThatThrownBy(() -> fixtures.task("deploy"))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("no task is named 'deploy'; named tasks: api, epic, hotfix, release, spec, ui");
    }

    @ParameterizedTest
    @StratumTest
    @CsvSource(delimiter = '|', textBlock = """
            malformed.yaml         | fixture fixtures/bad/malformed.yaml line 4, column 14: not valid JSON or YAML: expected ',' or ']'
            unknown-field.yaml     | line 4, tasks[0].priorty: unknown field 'priorty'; a task has agentType, createdBy, deadline,
            out-of-range.yaml      | fixture fixtures/bad/out-of-range.yaml line 7, tasks[1].priority: 11 is outside 0..10
            not-an-integer.yaml    | line 4, tasks[0].priority: expected an integer, found 'high'
            unknown-reference.yaml | line 5, tasks[0].dependsOn: no fixture task is named 'nope'; named tasks: a
            cycle.yaml             | line 2, tasks[0]: dependsOn/parent references form a cycle: a -> b -> a
            duplicate-name.yaml    | line 5, tasks[1].name: the name 'a' is already used by tasks[0] (a)
            missing-summary.yaml   | line 2, tasks[0]: 'summary' is required
            bad-source.yaml        | tasks[0].source: 'robot' is not one of human, agent_requirements, agent_planner, agent_implementation
            unknown-section.yaml   | line 1, widgets: unknown section 'widgets'; a fixture file has: tasks
            duplicate-key.yaml     | line 3, tasks[0].summary: appears twice
            not-a-list.yaml        | line 2, tasks: expected a list, found a mapping
            bad-deadline.yaml      | tasks[0].deadline: 'tomorrow' is not an ISO-8601 date-time with an offset
            infinite.yaml          | tasks[0].inputData.x: '.inf' has no JSON form
            missing.yaml           | fixture fixtures/bad/missing.yaml: no such class-path resource (relative to package io.stratum.testkit
            """)
    void aBadFixtureIsRefusedBeforeAnythingIsWritten(String file, String problem, Stratum db) {
        assertThatThrownBy(() -> FixtureLoader.load(db, FixturesTest.class, List.of("fixtures/bad/" + file)))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining(problem);
        assertThat(db.tasks().count(TaskFilters.all())).isZero();
    }

    @StratumTest(fixtures = "fixtures/bad/out-of-range.yaml")
    static class WithABadFixture {
        @Test
        void test() {}
    }

    @Test
    void aBadFixtureFailsTheTest() {
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(WithABadFixture.class))
                .execute()
                .testEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test("test"),
                                finishedWithFailure(
                                        instanceOf(InvalidInput.class),
                                        message(m -> m.contains("11 is outside 0..10")))));
    }
}
