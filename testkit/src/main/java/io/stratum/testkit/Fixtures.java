package io.stratum.testkit;

import io.stratum.InvalidInput;
import io.stratum.task.TaskId;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What the fixture files of a test created, by the local names the files gave them. A fixture file is JSON
 * or YAML (YAML 1.2, of which JSON is a subset):
 *
 * <pre>{@code
 * tasks:
 *   - name: spec                       # local name, to refer to the task; optional otherwise
 *     summary: write the spec          # required, 1..140 characters
 *     agentType: planner               # required
 *     priority: 7
 *     inputData: {doc: docs/spec.md}   # any YAML/JSON value, stored as JSON
 *   - name: build
 *     summary: build it
 *     agentType: coder
 *     dependsOn: [spec]                # local names, here or in an earlier fixture file of the test
 *     parent: spec
 * }</pre>
 *
 * <p>A task also takes {@code description}, {@code dependencyType} ({@code sequential}, {@code parallel}),
 * {@code maxRetries}, {@code maxExecutionTimeoutSeconds}, {@code createdBy}, {@code source}, {@code deadline}
 * (ISO-8601 with offset), {@code estimatedDurationSeconds}, {@code featureBranch}, {@code taskBranch},
 * {@code worktreePath} and {@code idempotencyKey}: the fields of {@link io.stratum.task.NewTask}. Tasks are
 * submitted after the tasks they name, whatever the order in the file. A malformed file, an unknown field,
 * a bad value or a reference to an unknown name fails the test with {@link InvalidInput} naming the file,
 * the line and the field, before anything is written.
 *
 * @param tasks the ids of the named fixture tasks
 */
public record Fixtures(Map<String, TaskId> tasks) {
    /** No fixtures. */
    public static final Fixtures NONE = new Fixtures(Map.of());

    public Fixtures {
        tasks = Map.copyOf(tasks);
    }

    /** The id of the fixture task named {@code name}; {@link InvalidInput} listing the known names if there is none. */
    public TaskId task(String name) {
        TaskId id = tasks.get(Objects.requireNonNull(name, "name"));
        if (id == null) {
            throw new InvalidInput(
                    "fixture task",
                    "no task is named '" + name + "'; named tasks: "
                            + (tasks.isEmpty() ? "none" : String.join(", ", new TreeSet<>(tasks.keySet()))));
        }
        return id;
    }
}
