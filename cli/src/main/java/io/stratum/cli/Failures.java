package io.stratum.cli;

import io.stratum.ErrorCode;
import io.stratum.StratumException;
import io.stratum.internal.JdbcUrls;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.BooleanSupplier;
import picocli.CommandLine.ParameterException;

/**
 * Turns whatever stopped a command into one line on stderr and an exit status. Stack traces only with
 * {@code --verbose}; passwords in JDBC URLs are masked in everything printed.
 */
final class Failures {
    static final int USAGE = ErrorCode.INVALID_INPUT.exitStatus();

    private final PrintWriter err;
    private final BooleanSupplier verbose;

    Failures(PrintWriter err, BooleanSupplier verbose) {
        this.err = err;
        this.verbose = verbose;
    }

    /** A command line that does not parse: the problem and where to find help. */
    int usage(ParameterException e, String[] args) {
        err.println("stratum: " + firstLine(e.getMessage()));
        err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
        return USAGE;
    }

    /** A command that failed while running. */
    int report(Exception e) {
        boolean known = e instanceof StratumException;
        String message = known ? e.getMessage() : "internal error: " + e;
        String hint = known || verbose.getAsBoolean() ? "" : " (run with --verbose for the stack trace)";
        err.println("stratum: " + firstLine(message) + hint);
        if (verbose.getAsBoolean()) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            err.print(JdbcUrls.redact(trace.toString()));
        }
        return known ? ((StratumException) e).code().exitStatus() : ErrorCode.INTERNAL.exitStatus();
    }

    private static String firstLine(String message) {
        String text = message == null ? "(no message)" : message.strip();
        int newline = text.indexOf('\n');
        return JdbcUrls.redact(newline < 0 ? text : text.substring(0, newline).strip());
    }
}
