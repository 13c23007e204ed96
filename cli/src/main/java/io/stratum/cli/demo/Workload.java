package io.stratum.cli.demo;

import io.stratum.Json;
import io.stratum.task.NewTask;
import io.stratum.task.TaskId;
import io.stratum.task.TaskSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * An agent swarm's work, as tasks in a dependency graph: features, each planned, researched, designed, built in
 * parts, tested part by part, reviewed and integrated, so dependency depth runs from 0 (the plan) to 6 (the
 * integration). Priorities are mixed per feature and task; a given share of tasks is flaky: their first attempt
 * fails, the retry succeeds. The same seed gives the same workload.
 *
 * @param tasks in submission order: every task after the tasks it depends on
 * @param flaky tasks whose first attempt is to fail
 */
public record Workload(List<NewTask> tasks, Set<TaskId> flaky, int features, int edges) {
    /** Deepest dependency depth of a generated task. */
    public static final int MAX_DEPTH = 6;

    private static final String[] AREAS = {
        "search",
        "billing",
        "login",
        "export",
        "notifications",
        "audit",
        "sharing",
        "onboarding",
        "payments",
        "reports",
        "profiles",
        "uploads"
    };
    private static final String[] ASPECTS = {
        "filters",
        "retries",
        "caching",
        "pagination",
        "webhooks",
        "dashboard",
        "rate limits",
        "settings",
        "permissions",
        "history"
    };

    /**
     * {@code size} tasks in features of about twenty; {@code flakyShare} (0..1) of them fail once; every task is
     * marked {@code createdBy = label} so that the run can find its own tasks again.
     */
    public static Workload generate(int size, double flakyShare, long seed, String label) {
        Random random = new Random(seed);
        List<NewTask> tasks = new ArrayList<>(size + 32);
        int features = 0;
        int edges = 0;
        while (tasks.size() < size) {
            FeaturePlan feature = new FeaturePlan(features++, random, label);
            for (NewTask task : feature.tasks()) {
                if (tasks.size() == size) {
                    break;
                }
                tasks.add(task);
                edges += task.dependsOn().size();
            }
        }
        Set<TaskId> flaky = new HashSet<>();
        for (NewTask task : tasks) {
            if (random.nextDouble() < flakyShare) {
                flaky.add(task.id());
            }
        }
        return new Workload(List.copyOf(tasks), Set.copyOf(flaky), features, edges);
    }

    /** One feature's tasks, level by level. */
    private static final class FeaturePlan {
        private final Random random;
        private final String label;
        private final String name;
        private final String branch;
        private final int basePriority;
        private final List<NewTask> tasks = new ArrayList<>();

        FeaturePlan(int number, Random random, String label) {
            this.random = random;
            this.label = label;
            this.name = AREAS[random.nextInt(AREAS.length)] + " " + ASPECTS[random.nextInt(ASPECTS.length)];
            this.branch = "feature/" + name.replace(' ', '-') + "-" + number;
            this.basePriority = random.nextInt(11);
            TaskId plan = add("Plan " + name + " (feature " + number + ")", "planner", TaskSource.HUMAN, 2, List.of());
            List<TaskId> research = level(
                    2 + random.nextInt(2),
                    i -> "Research " + name + ", question " + i,
                    "researcher",
                    TaskSource.AGENT_PLANNER,
                    List.of(plan),
                    false);
            List<TaskId> designs = level(
                    1 + random.nextInt(2),
                    i -> "Design " + name + ", part " + i,
                    "architect",
                    TaskSource.AGENT_REQUIREMENTS,
                    research,
                    false);
            List<TaskId> parts = level(
                    3 + random.nextInt(6),
                    i -> "Implement " + name + ", part " + i,
                    "coder",
                    TaskSource.AGENT_IMPLEMENTATION,
                    designs,
                    true);
            List<TaskId> tests = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                tests.add(add(
                        "Test " + name + ", part " + (i + 1),
                        "tester",
                        TaskSource.AGENT_IMPLEMENTATION,
                        0,
                        List.of(parts.get(i))));
            }
            int reviewers = 1 + random.nextInt(Math.min(3, tests.size()));
            List<TaskId> reviews = new ArrayList<>();
            for (int r = 0; r < reviewers; r++) {
                List<TaskId> share = new ArrayList<>();
                for (int t = r; t < tests.size(); t += reviewers) {
                    share.add(tests.get(t));
                }
                reviews.add(add(
                        "Review " + name + ", batch " + (r + 1),
                        "reviewer",
                        TaskSource.AGENT_IMPLEMENTATION,
                        1,
                        share));
            }
            add("Integrate " + name + " into main", "integrator", TaskSource.AGENT_IMPLEMENTATION, 1, reviews);
        }

        List<NewTask> tasks() {
            return tasks;
        }

        private interface Summary {
            String of(int index);
        }

        /** {@code count} tasks; each depends on all of {@code before}, or on one of them if {@code pickOne}. */
        private List<TaskId> level(
                int count, Summary summary, String agent, TaskSource source, List<TaskId> before, boolean pickOne) {
            List<TaskId> ids = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                List<TaskId> deps = pickOne ? List.of(before.get(random.nextInt(before.size()))) : before;
                ids.add(add(summary.of(i), agent, source, 0, deps));
            }
            return ids;
        }

        private TaskId add(String summary, String agent, TaskSource source, int boost, List<TaskId> dependsOn) {
            TaskId id = TaskId.generate();
            int priority = Math.clamp(basePriority + boost + random.nextInt(3) - 1, 0, 10);
            tasks.add(NewTask.builder(summary, agent)
                    .id(id)
                    .priority(priority)
                    .source(source)
                    .dependsOn(dependsOn)
                    .featureBranch(branch)
                    .createdBy(label)
                    .inputData(Json.of("{\"feature\": \"" + name + "\", \"step\": " + tasks.size() + "}"))
                    .build());
            return id;
        }
    }
}
