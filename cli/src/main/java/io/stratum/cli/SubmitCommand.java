package io.stratum.cli;

import io.stratum.Json;
import io.stratum.Stratum;
import io.stratum.session.SessionId;
import io.stratum.task.DependencyType;
import io.stratum.task.NewTask;
import io.stratum.task.Task;
import io.stratum.task.TaskId;
import io.stratum.task.TaskSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

@Command(
        name = "submit",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        sortOptions = false,
        description = {
            "Submit one task (SUMMARY and --agent), or every task of a JSON or YAML file (--file).",
            "A task whose dependencies have all completed starts ready, any other pending."
        })
final class SubmitCommand extends DatabaseCommand {

    @Parameters(arity = "0..1", paramLabel = "SUMMARY", description = "What the task is about (1..140 characters).")
    String summary;

    @Option(
            names = {"-f", "--file"},
            paramLabel = "FILE",
            description = "JSON or YAML file of tasks that name each other in dependsOn ('-' reads standard input);"
                    + " all are stored in one transaction.")
    Path file;

    @Option(names = "--agent", paramLabel = "TYPE", description = "Agent type that runs it, e.g. coder.")
    String agentType;

    @Option(
            names = {"-p", "--priority"},
            paramLabel = "0..10",
            defaultValue = "" + NewTask.DEFAULT_PRIORITY,
            description = "Priority (default: ${DEFAULT-VALUE}).")
    int priority;

    @Option(names = "--depends-on", paramLabel = "ID", split = ",", description = "Task(s) that must complete first.")
    List<TaskId> dependsOn = new ArrayList<>();

    @Option(names = "--description", paramLabel = "TEXT")
    String description = "";

    @Option(names = "--input", paramLabel = "JSON", description = "Input document, e.g. '{\"issue\": 42}'.")
    Json input;

    @Option(
            names = "--max-retries",
            paramLabel = "N",
            defaultValue = "" + NewTask.DEFAULT_MAX_RETRIES,
            description = "Retries after a failed attempt (default: ${DEFAULT-VALUE}).")
    int maxRetries;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "" + NewTask.DEFAULT_TIMEOUT_SECONDS,
            description = "Longest run (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--deadline", paramLabel = "TIME", description = "e.g. 2030-01-31T18:00:00Z; raises urgency.")
    OffsetDateTime deadline;

    @Option(
            names = "--run-after",
            paramLabel = "TIME",
            description = "Claim no earlier than this time, e.g. 2030-01-31T18:00:00Z.")
    OffsetDateTime runAfter;

    @Option(
            names = "--delay",
            paramLabel = "DURATION",
            description = "Claim no earlier than this long from now, e.g. 30s, 1.5h, 2d or PT90M (0: now).")
    Duration delay;

    @Option(names = "--dependency-type", paramLabel = "TYPE", description = "sequential (default) or parallel.")
    DependencyType dependencyType = DependencyType.SEQUENTIAL;

    @Option(
            names = "--source",
            paramLabel = "SOURCE",
            description = "human (default), agent_requirements, agent_planner or agent_implementation.")
    TaskSource source = TaskSource.HUMAN;

    @Option(names = "--parent", paramLabel = "ID")
    TaskId parent;

    @Option(names = "--session", paramLabel = "UUID")
    SessionId session;

    @Option(names = "--created-by", paramLabel = "NAME")
    String createdBy;

    @Option(names = "--feature-branch", paramLabel = "BRANCH")
    String featureBranch;

    @Option(names = "--task-branch", paramLabel = "BRANCH")
    String taskBranch;

    @Option(names = "--worktree", paramLabel = "PATH")
    String worktreePath;

    @Option(
            names = "--idempotency-key",
            paramLabel = "KEY",
            description = "Submitting the same key again returns the existing task.")
    String idempotencyKey;

    @Override
    int run(Stratum db, Output out) {
        if (file != null) {
            if (summary != null) {
                throw new ParameterException(spec.commandLine(), "give either SUMMARY or --file, not both");
            }
            if (runAfter != null || delay != null) {
                throw new ParameterException(
                        spec.commandLine(), "--run-after and --delay apply to SUMMARY; give runAfter in the file");
            }
            return submitFile(db, out);
        }
        if (summary == null || agentType == null) {
            throw new ParameterException(spec.commandLine(), "give SUMMARY and --agent TYPE, or --file FILE");
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
                .runAfter(runAfter())
                .build();
        Task stored = db.tasks().require(db.tasks().submit(task));
        if (out.json()) {
            out.json(TaskViews.json(stored));
        } else {
            out.line("Submitted " + stored.id() + " (" + TaskViews.lower(stored.status()) + ").");
        }
        return 0;
    }

    /** The time {@code --run-after} or {@code --delay} gives, or null. */
    private Instant runAfter() {
        if (runAfter != null && delay != null) {
            throw new ParameterException(spec.commandLine(), "give either --run-after or --delay, not both");
        }
        if (delay != null) {
            return Instant.now().plus(delay); // the converter refuses a negative delay
        }
        return runAfter == null ? null : runAfter.toInstant();
    }

    private int submitFile(Stratum db, Output out) {
        List<TaskBatch.Named> batch = TaskBatch.resolve(TaskFile.read(file, System.in));
        List<TaskId> ids =
                db.tasks().submitAll(batch.stream().map(TaskBatch.Named::task).toList());
        Table table = Table.withHeaders("NAME", "ID", "STATUS", "AGENT", "SUMMARY");
        List<Map<String, Object>> json = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Task task = db.tasks().require(ids.get(i));
            String name = batch.get(i).label();
            table.row(name, task.id(), TaskViews.lower(task.status()), task.agentType(), task.summary());
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", name);
            entry.putAll(TaskViews.json(task));
            json.add(entry);
        }
        if (out.json()) {
            out.json(json);
        } else {
            out.table(table);
            out.blank();
            out.line("Submitted " + ids.size() + " task(s) from "
                    + (file.toString().equals("-") ? "standard input" : file) + ".");
        }
        return 0;
    }
}
