package io.stratum.cli;

import io.stratum.Json;
import io.stratum.Stratum;
import io.stratum.task.DependencyType;
import io.stratum.task.NewTask;
import io.stratum.task.Task;
import io.stratum.task.TaskId;
import io.stratum.task.TaskSource;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

@Command(name = "submit", sortOptions = false,
        description = {"Submit one task (SUMMARY and --agent), or every task of a JSON or YAML file (--file).",
                "A task whose dependencies have all completed starts ready, any other pending."})
final class SubmitCommand extends DatabaseCommand {

    @Parameters(arity = "0..1", paramLabel = "SUMMARY", description = "What the task is about (1..140 characters).")
    String summary;

    @Option(names = "--agent", paramLabel = "TYPE", description = "Agent type that runs it, e.g. coder.")
    String agentType;

    @Option(names = {"-p", "--priority"}, paramLabel = "0..10", defaultValue = "" + NewTask.DEFAULT_PRIORITY,
            description = "Priority (default: ${DEFAULT-VALUE}).")
    int priority;

    @Option(names = "--depends-on", paramLabel = "ID", split = ",", description = "Task(s) that must complete first.")
    List<TaskId> dependsOn = new ArrayList<>();

    @Option(names = "--description", paramLabel = "TEXT")
    String description = "";

    @Option(names = "--input", paramLabel = "JSON", description = "Input document, e.g. '{\"issue\": 42}'.")
    Json input;

    @Option(names = "--max-retries", paramLabel = "N", defaultValue = "" + NewTask.DEFAULT_MAX_RETRIES,
            description = "Retries after a failed attempt (default: ${DEFAULT-VALUE}).")
    int maxRetries;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "" + NewTask.DEFAULT_TIMEOUT_SECONDS,
            description = "Longest run (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--deadline", paramLabel = "TIME", description = "e.g. 2030-01-31T18:00:00Z; raises urgency.")
    OffsetDateTime deadline;

    @Option(names = "--dependency-type", paramLabel = "TYPE", description = "sequential (default) or parallel.")
    DependencyType dependencyType = DependencyType.SEQUENTIAL;

    @Option(names = "--source", paramLabel = "SOURCE",
            description = "human (default), agent_requirements, agent_planner or agent_implementation.")
    TaskSource source = TaskSource.HUMAN;

    @Option(names = "--parent", paramLabel = "ID")
    TaskId parent;

    @Option(names = "--session", paramLabel = "UUID")
    UUID session;

    @Option(names = "--created-by", paramLabel = "NAME")
    String createdBy;

    @Option(names = "--feature-branch", paramLabel = "BRANCH")
    String featureBranch;

    @Option(names = "--task-branch", paramLabel = "BRANCH")
    String taskBranch;

    @Option(names = "--worktree", paramLabel = "PATH")
    String worktreePath;

    @Option(names = "--idempotency-key", paramLabel = "KEY",
            description = "Submitting the same key again returns the existing task.")
    String idempotencyKey;

    @Override
    int run(Stratum db, Output out) {
        if (summary == null || agentType == null) {
            throw new ParameterException(spec.commandLine(), "give SUMMARY and --agent TYPE");
        }
        NewTask task = NewTask.builder(summary, agentType)
                .priority(priority)
                .description(description)
                .dependsOn(dependsOn)
                .inputData(input)
                .maxRetries(maxRetries)
                .maxExecutionTimeoutSeconds(timeoutSeconds)
                .deadline(deadline)
                .dependencyType(dependencyType)
                .source(source)
                .parentTaskId(parent)
                .sessionId(session)
                .createdBy(createdBy)
                .featureBranch(featureBranch)
                .taskBranch(taskBranch)
                .worktreePath(worktreePath)
                .idempotencyKey(idempotencyKey)
                .build();
        Task stored = db.tasks().require(db.tasks().submit(task));
        if (out.json()) {
            out.json(TaskViews.json(stored));
        } else {
            out.line("Submitted " + stored.id() + " (" + TaskViews.lower(stored.status()) + ").");
        }
        return 0;
    }
}
