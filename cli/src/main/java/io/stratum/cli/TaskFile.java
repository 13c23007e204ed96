package io.stratum.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.stratum.InvalidInput;
import io.stratum.task.DependencyType;
import io.stratum.task.NewTask;
import io.stratum.task.TaskSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * A JSON or YAML file of tasks for {@code stratum submit --file}: a list of tasks, or an object with a
 * {@code tasks} list. A task has the fields of {@link NewTask} under their names there, so a testkit fixture is a
 * task file too; tasks refer to each other by a local {@code name}, or to stored tasks by id:
 *
 * <pre>
 * tasks:
 *   - name: design
 *     summary: Design the login flow
 *     agentType: architect
 *     priority: 8
 *     inputData: {spec: docs/login.md}
 *   - name: api
 *     summary: Implement the login API
 *     agentType: coder
 *     dependsOn: [design]
 * </pre>
 *
 * Every problem is reported with where it is: the file, the task's position and name, the field.
 */
final class TaskFile {
    static final String FIELD = "--file";
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    /** The optional fields, NewTask's names (as in testkit fixtures), and how each is set. */
    private static final Map<String, BiConsumer<TaskFields, NewTask.Builder>> OPTIONAL = Map.ofEntries(
            Map.entry("description", (f, b) -> b.description(f.text("description"))),
            Map.entry("priority", (f, b) -> b.priority(f.integer("priority", NewTask.DEFAULT_PRIORITY))),
            Map.entry("dependencyType", (f, b) -> b.dependencyType(DependencyType.parse(f.text("dependencyType")))),
            Map.entry("inputData", (f, b) -> b.inputData(Jsons.toJson(f.json("inputData")))),
            Map.entry("maxRetries", (f, b) -> b.maxRetries(f.integer("maxRetries", NewTask.DEFAULT_MAX_RETRIES))),
            Map.entry(
                    "maxExecutionTimeoutSeconds",
                    (f, b) -> b.maxExecutionTimeoutSeconds(
                            f.integer("maxExecutionTimeoutSeconds", NewTask.DEFAULT_TIMEOUT_SECONDS))),
            Map.entry("createdBy", (f, b) -> b.createdBy(f.text("createdBy"))),
            Map.entry("source", (f, b) -> b.source(TaskSource.parse(f.text("source")))),
            Map.entry("deadline", (f, b) -> b.deadline(f.time("deadline"))),
            Map.entry(
                    "estimatedDurationSeconds",
                    (f, b) -> b.estimatedDurationSeconds(f.integer("estimatedDurationSeconds"))),
            Map.entry("featureBranch", (f, b) -> b.featureBranch(f.text("featureBranch"))),
            Map.entry("taskBranch", (f, b) -> b.taskBranch(f.text("taskBranch"))),
            Map.entry("worktreePath", (f, b) -> b.worktreePath(f.text("worktreePath"))),
            Map.entry("sessionId", (f, b) -> b.sessionId(f.sessionId("sessionId"))),
            Map.entry("idempotencyKey", (f, b) -> b.idempotencyKey(f.text("idempotencyKey"))),
            Map.entry("runAfter", (f, b) -> b.runAfter(f.instant("runAfter"))));
    /** Fields read apart from {@link #OPTIONAL}. */
    private static final Set<String> STRUCTURE = Set.of("name", "summary", "agentType", "dependsOn", "parent");

    private static final String KNOWN = String.join(
            ", ",
            Stream.concat(STRUCTURE.stream(), OPTIONAL.keySet().stream())
                    .sorted()
                    .toList());

    private final String source;

    private TaskFile(String source) {
        this.source = source;
    }

    /** Reads {@code path}, or standard input for {@code -}. */
    static List<FileTask> read(Path path, InputStream stdin) {
        boolean stdinFile = path.toString().equals("-");
        String text;
        try {
            text = stdinFile ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8) : Files.readString(path);
        } catch (NoSuchFileException e) {
            throw new InvalidInput(FIELD, "no such file: " + path);
        } catch (IOException e) {
            throw new InvalidInput(FIELD, "cannot read " + path + ": " + e.getMessage());
        }
        return new TaskFile(stdinFile ? "standard input" : path.toString()).parse(text, isJson(path, text));
    }

    private static boolean isJson(Path path, String text) {
        String name =
                path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return true;
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return false;
        }
        String start = text.stripLeading();
        return start.startsWith("{") || start.startsWith("[");
    }

    private List<FileTask> parse(String text, boolean json) {
        JsonNode root;
        try {
            root = (json ? JSON : YAML).readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new InvalidInput(
                    FIELD,
                    source + " is not valid " + (json ? "JSON" : "YAML")
                            + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                            + ": " + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        JsonNode list = root != null && root.isObject() ? root.get("tasks") : root;
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new InvalidInput(
                    FIELD, source + " has no tasks: expected a list of tasks, or an object with one under \"tasks\"");
        }
        List<FileTask> tasks = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            FileTask task = task(list.get(i), "tasks[" + i + "]");
            if (task.name() != null && !names.add(task.name())) {
                throw invalid("tasks[" + i + "]", "name", "'" + task.name() + "' is used by an earlier task");
            }
            tasks.add(task);
        }
        return tasks;
    }

    private FileTask task(JsonNode node, String where) {
        if (!node.isObject()) {
            throw invalid(where, null, "is not an object with summary, agentType, ...");
        }
        String name = new TaskFields(node, source + ": " + where).text("name");
        String place = name == null ? where : where + " (" + name + ")";
        TaskFields fields = new TaskFields(node, source + ": " + place);
        try {
            NewTask.Builder builder = NewTask.builder(fields.required("summary"), fields.required("agentType"));
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                BiConsumer<TaskFields, NewTask.Builder> setter = OPTIONAL.get(field);
                if (setter != null && fields.json(field) != null) {
                    setter.accept(fields, builder);
                } else if (setter == null && !STRUCTURE.contains(field)) {
                    throw fields.invalid(field, "is not a field of a task; known fields: " + KNOWN);
                }
            }
            return new FileTask(source, name, place, builder, fields.references("dependsOn"), fields.text("parent"));
        } catch (InvalidInput e) {
            if (e.field().equals(FIELD)) {
                throw e;
            }
            throw new InvalidInput(FIELD, source + ": " + place + ": " + e.getMessage());
        }
    }

    private InvalidInput invalid(String place, String field, String problem) {
        return new InvalidInput(FIELD, source + ": " + place + (field == null ? "" : ": " + field) + " " + problem);
    }

    /**
     * A task of the file, with the tasks it refers to by local name or by id not yet resolved.
     *
     * @param place where it is in the file, e.g. {@code tasks[3] (api)}
     */
    record FileTask(
            String source, String name, String place, NewTask.Builder builder, List<String> dependsOn, String parent) {

        /** {@link InvalidInput} for a problem of this task. */
        InvalidInput invalid(String problem) {
            return new InvalidInput(FIELD, source + ": " + place + ": " + problem);
        }
    }
}
