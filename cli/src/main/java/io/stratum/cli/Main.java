package io.stratum.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;

/**
 * The {@code stratum} command line. {@link #main(String[])} is what {@code ./stratum} runs;
 * {@link #run(String[], PrintWriter, PrintWriter, Map)} runs one command in-process and returns its exit status.
 *
 * <p>Exit statuses: 0 success, 2 bad input or usage, and otherwise {@link io.stratum.ErrorCode#exitStatus()}
 * of the error that stopped the command (3 not found, 4 conflict, 8 database unavailable, ...).
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        quietJooq();
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int status = run(args, out, err, System.getenv());
        out.flush();
        err.flush();
        System.exit(status);
    }

    /**
     * Runs the command {@code args} with {@code out} and {@code err} as its standard streams and {@code env}
     * as its environment (for {@code STRATUM_URL}); returns the exit status.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
        StratumCommand root = new StratumCommand(env);
        Failures failures = new Failures(err, root::verbose);
        CommandLine cli = Converters.register(new CommandLine(root))
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionStrategy(parsed -> {
                    Logging.configure(root.verbose());
                    return new CommandLine.RunLast().execute(parsed);
                })
                .setParameterExceptionHandler(failures::usage)
                .setExecutionExceptionHandler((e, command, parsed) -> failures.report(e));
        try {
            return cli.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** jOOQ prints a banner and tips on first use unless told not to; a command line prints its own output only. */
    static void quietJooq() {
        System.setProperty("org.jooq.no-logo", System.getProperty("org.jooq.no-logo", "true"));
        System.setProperty("org.jooq.no-tips", System.getProperty("org.jooq.no-tips", "true"));
    }
}
