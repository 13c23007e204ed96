package io.stratum.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Command-line options of the benchmark. {@code backendsNamed} tells whether {@code --backends} chose the backends:
 * a server that cannot be reached is then an error, while one that only the default included is skipped.
 */
record Options(
        Sizes sizes,
        List<BackendKind> backends,
        boolean backendsNamed,
        Set<Group> groups,
        String postgresUrl,
        String mariadbUrl,
        Path out,
        boolean help) {

    static final String DEFAULT_POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    static final String DEFAULT_MARIADB_URL = "jdbc:mariadb://127.0.0.1:3306/test?user=root&sslMode=disable";

    static final String USAGE = """
            usage: java -jar bench/target/stratum-bench.jar [options]
              --quick               small sizes, 2 measured rounds: checks that everything runs
              --backends LIST       sqlite,postgresql,mariadb (default: all three; a server the default
                                    names but that cannot be reached is skipped)
              --workloads LIST      enqueue,claim,dag,scale,bulk,peers,wakeup,indexes (default: all but indexes)
              --postgres-url URL    server to create scratch databases on (default: $STRATUM_BENCH_POSTGRES_URL,
                                    else $STRATUM_TEST_POSTGRES_URL, else %s)
              --mariadb-url URL     the same for MariaDB (default: $STRATUM_BENCH_MARIADB_URL,
                                    else $STRATUM_TEST_MARIADB_URL, else %s)
              --out FILE            JSON report (default: stratum-bench.json)
            """.formatted(DEFAULT_POSTGRES_URL, DEFAULT_MARIADB_URL);

    /** The workload groups, selectable with {@code --workloads}. */
    enum Group {
        ENQUEUE,
        CLAIM,
        DAG,
        SCALE,
        BULK,
        PEERS,
        WAKEUP,
        /** Not in the default run: what the status indexes cost the claim (see {@code IndexGroup}). */
        INDEXES
    }

    static Options parse(String[] args) {
        Sizes sizes = Sizes.FULL;
        List<BackendKind> backends = List.of(BackendKind.values());
        boolean backendsNamed = false;
        Set<Group> groups = EnumSet.complementOf(EnumSet.of(Group.INDEXES));
        String postgresUrl = firstNonBlank(
                System.getenv("STRATUM_BENCH_POSTGRES_URL"),
                System.getenv("STRATUM_TEST_POSTGRES_URL"),
                DEFAULT_POSTGRES_URL);
        String mariadbUrl = firstNonBlank(
                System.getenv("STRATUM_BENCH_MARIADB_URL"),
                System.getenv("STRATUM_TEST_MARIADB_URL"),
                DEFAULT_MARIADB_URL);
        Path out = Path.of("stratum-bench.json");
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> sizes = Sizes.QUICK;
                case "--smoke" -> sizes = Sizes.SMOKE;
                case "--backends" -> {
                    backends = backends(value(args, ++i));
                    backendsNamed = true;
                }
                case "--workloads" -> groups = groups(value(args, ++i));
                case "--postgres-url" -> postgresUrl = value(args, ++i);
                case "--mariadb-url" -> mariadbUrl = value(args, ++i);
                case "--out" -> out = Path.of(value(args, ++i));
                case "-h", "--help" -> help = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        return new Options(sizes, backends, backendsNamed, groups, postgresUrl, mariadbUrl, out, help);
    }

    boolean uses(BackendKind kind) {
        return backends.contains(kind);
    }

    /** The server scratch databases of {@code kind} are created on; null for SQLite, which needs none. */
    String serverUrl(BackendKind kind) {
        return switch (kind) {
            case SQLITE -> null;
            case POSTGRESQL -> postgresUrl;
            case MARIADB -> mariadbUrl;
        };
    }

    /** These options with only {@code kinds} as backends. */
    Options withBackends(List<BackendKind> kinds) {
        return new Options(sizes, kinds, backendsNamed, groups, postgresUrl, mariadbUrl, out, help);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value\n" + USAGE);
        }
        return args[i];
    }

    private static List<BackendKind> backends(String list) {
        Set<BackendKind> kinds = new LinkedHashSet<>();
        for (String name : list.split(",")) {
            kinds.add(BackendKind.of(name.trim()));
        }
        return new ArrayList<>(kinds);
    }

    private static Set<Group> groups(String list) {
        Set<Group> groups = EnumSet.noneOf(Group.class);
        for (String name : list.split(",")) {
            groups.add(Group.valueOf(name.trim().toUpperCase(java.util.Locale.ROOT)));
        }
        return groups;
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        throw new IllegalStateException("no value");
    }
}
