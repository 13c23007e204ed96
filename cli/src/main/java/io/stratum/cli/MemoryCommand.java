package io.stratum.cli;

import io.stratum.Json;
import io.stratum.NotFound;
import io.stratum.Page;
import io.stratum.PageRequest;
import io.stratum.Stratum;
import io.stratum.memory.MemoryEntry;
import io.stratum.memory.MemoryWrite;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stratum memory ...}: the shared memory's versioned JSON documents, by namespace and key. */
@Command(
        name = "memory",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "Shared memory: versioned JSON documents under a namespace and a key.",
        subcommands = {
            MemoryCommand.Put.class,
            MemoryCommand.Get.class,
            MemoryCommand.ListEntries.class,
            MemoryCommand.History.class,
            MemoryCommand.Delete.class,
            CommandLine.HelpCommand.class
        })
final class MemoryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing a memory command: put, get, list, history or delete");
    }

    @Command(
            name = "put",
            mixinStandardHelpOptions = true,
            versionProvider = Version.class,
            description = "Write a new version of a key.")
    static final class Put extends DatabaseCommand {
        @Parameters(index = "0", paramLabel = "NAMESPACE")
        String namespace;

        @Parameters(index = "1", paramLabel = "KEY")
        String key;

        @Parameters(index = "2", paramLabel = "JSON", description = "The document, e.g. '{\"style\": \"hexagonal\"}'.")
        Json value;

        @Option(
                names = "--expect-version",
                paramLabel = "N",
                description = "Write only if the live version is still N (0: the key has none); else exit 4.")
        Long expectedVersion;

        @ArgGroup(exclusive = true)
        Expiry expiry;

        static final class Expiry {
            @Option(names = "--expires-at", paramLabel = "TIME", description = "When this version stops being visible.")
            OffsetDateTime at;

            @Option(
                    names = "--ttl",
                    paramLabel = "DURATION",
                    converter = Converters.PositiveDuration.class,
                    description = "How long this version stays visible, e.g. 1h.")
            Duration ttl;
        }

        @Option(
                names = "--by",
                paramLabel = "ACTOR",
                description = "Who writes (recorded with the version and in the audit trail).")
        String actor;

        @Override
        int run(Stratum db, Output out) {
            MemoryWrite write = MemoryWrite.of(namespace, key, value).by(actor);
            if (expectedVersion != null) {
                write = write.expectingVersion(expectedVersion);
            }
            if (expiry != null) {
                write = write.expiringAt(
                        expiry.at != null
                                ? expiry.at
                                : OffsetDateTime.now(ZoneOffset.UTC).plus(expiry.ttl));
            }
            MemoryEntry entry = db.memory().put(write);
            if (out.json()) {
                out.json(MemoryViews.json(entry));
            } else {
                out.line("Stored " + namespace + "/" + key + " version " + entry.version() + ".");
            }
            return 0;
        }
    }

    /** Help without the standard mixin: {@code --version} here selects a stored version. */
    @Command(name = "get", description = "Print the live value of a key (with --json: the entry and its metadata).")
    static final class Get extends DatabaseCommand {
        @Option(
                names = {"-h", "--help"},
                usageHelp = true,
                description = "Show this help message and exit.")
        boolean help;

        @Parameters(index = "0", paramLabel = "NAMESPACE")
        String namespace;

        @Parameters(index = "1", paramLabel = "KEY")
        String key;

        @Option(names = "--version", paramLabel = "N", description = "That stored version, live or not.")
        Long version;

        @Override
        int run(Stratum db, Output out) {
            MemoryEntry entry = (version == null
                            ? db.memory().get(namespace, key)
                            : db.memory().getVersion(namespace, key, version))
                    .orElseThrow(() -> new NotFound(
                            "memory entry", namespace + "/" + key + (version == null ? "" : " version " + version)));
            if (out.json()) {
                out.json(MemoryViews.json(entry));
            } else {
                out.json(Jsons.tree(entry.value()));
            }
            return 0;
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            versionProvider = Version.class,
            description = "List the live keys of a namespace.")
    static final class ListEntries extends DatabaseCommand {
        @Parameters(index = "0", paramLabel = "NAMESPACE")
        String namespace;

        @Option(
                names = "--prefix",
                paramLabel = "TEXT",
                defaultValue = "",
                description = "Only keys that start with TEXT.")
        String prefix;

        @Option(
                names = "--after",
                paramLabel = "CURSOR",
                description = "Start after this cursor (printed under the previous page).")
        String after;

        @Option(
                names = "--limit",
                paramLabel = "N",
                defaultValue = "100",
                description = "At most N keys (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        int run(Stratum db, Output out) {
            Page<MemoryEntry> page = db.memory()
                    .list(
                            namespace,
                            prefix,
                            after == null ? PageRequest.first(limit) : PageRequest.after(after, limit));
            List<MemoryEntry> entries = page.items();
            if (out.json()) {
                out.json(entries.stream().map(MemoryViews::json).toList());
            } else if (entries.isEmpty()) {
                out.line("No live keys in " + namespace + (prefix.isEmpty() ? "" : " starting with " + prefix) + ".");
            } else {
                Table table = Table.withHeaders("KEY", "VERSION", "UPDATED", "BY", "VALUE")
                        .alignRight(1);
                entries.forEach(e -> table.row(
                        e.key(),
                        e.version(),
                        TaskViews.seconds(e.updatedAt()),
                        e.updatedBy(),
                        MemoryViews.abbreviated(e.value())));
                out.table(table);
                if (page.hasMore()) {
                    out.line("More keys follow: --after " + page.nextCursor());
                }
            }
            return 0;
        }
    }

    @Command(
            name = "history",
            mixinStandardHelpOptions = true,
            versionProvider = Version.class,
            description = "List every stored version of a key, oldest first.")
    static final class History extends DatabaseCommand {
        @Parameters(index = "0", paramLabel = "NAMESPACE")
        String namespace;

        @Parameters(index = "1", paramLabel = "KEY")
        String key;

        @Option(
                names = "--limit",
                paramLabel = "N",
                defaultValue = "100",
                description = "At most N versions (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        int run(Stratum db, Output out) {
            List<MemoryEntry> versions = db.memory()
                    .history(namespace, key, PageRequest.first(limit))
                    .items();
            if (versions.isEmpty()) {
                throw new NotFound("memory entry", namespace + "/" + key);
            }
            if (out.json()) {
                out.json(versions.stream().map(MemoryViews::json).toList());
                return 0;
            }
            Table table = Table.withHeaders("VERSION", "UPDATED", "BY", "EXPIRES", "VALUE")
                    .alignRight(0);
            versions.forEach(e -> table.row(
                    e.version(),
                    TaskViews.seconds(e.updatedAt()),
                    e.updatedBy(),
                    TaskViews.seconds(e.expiresAt()),
                    e.isDeleted() ? "(deleted)" : MemoryViews.abbreviated(e.value())));
            out.table(table);
            return 0;
        }
    }

    @Command(
            name = "delete",
            mixinStandardHelpOptions = true,
            versionProvider = Version.class,
            description = "Delete a key (a new version records the delete; history keeps the rest).")
    static final class Delete extends DatabaseCommand {
        @Parameters(index = "0", paramLabel = "NAMESPACE")
        String namespace;

        @Parameters(index = "1", paramLabel = "KEY")
        String key;

        @Option(names = "--by", paramLabel = "ACTOR", description = "Who deletes.")
        String actor;

        @Override
        int run(Stratum db, Output out) {
            if (!db.memory().delete(namespace, key, actor)) {
                throw new NotFound("memory entry", namespace + "/" + key);
            }
            if (out.json()) {
                out.json(Map.of("deleted", true));
            } else {
                out.line("Deleted " + namespace + "/" + key + ".");
            }
            return 0;
        }
    }
}
