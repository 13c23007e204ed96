package io.stratum.cli;

import io.stratum.ErrorCode;
import io.stratum.JdbcUrls;
import io.stratum.StratumException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.BooleanSupplier;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * Turns whatever stopped a command into one line on stderr and an exit status. The line is a sentence for
 * people: class names of exceptions and stack traces only with {@code --verbose}; passwords in JDBC URLs are
 * masked in everything printed.
 */
final class Failures {
    static final int USAGE = ErrorCode.INVALID_INPUT.exitStatus();

    private final PrintWriter err;
    private final BooleanSupplier verbose;

    Failures(PrintWriter err, BooleanSupplier verbose) {
        this.err = err;
        this.verbose = verbose;
    }

    /**
     * A command line that does not parse: the problem and where to find help, on one line. With
     * {@code --verbose} (or {@code -v}) among {@code args}, the stack trace of the cause follows.
     */
    int usage(ParameterException e, String[] args) {
        String problem = firstLine(usageMessage(e));
        String help = "Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.";
        err.println("stratum: " + problem + (problem.endsWith(".") ? " " : ". ") + help);
        if (e.getCause() != null && (verbose.getAsBoolean() || verboseRequested(args))) {
            printStackTrace(e.getCause());
        }
        return USAGE;
    }

    /** A command that failed while running. */
    int report(Exception e) {
        boolean known = e instanceof StratumException;
        String message = known
                ? e.getMessage()
                : "internal error: " + (e.getMessage() != null ? e.getMessage() : "an unexpected failure");
        String hint = known || verbose.getAsBoolean() ? "" : " (run with --verbose for the stack trace)";
        err.println("stratum: " + firstLine(message) + hint);
        if (verbose.getAsBoolean()) {
            printStackTrace(e);
        }
        return known ? ((StratumException) e).code().exitStatus() : ErrorCode.INTERNAL.exitStatus();
    }

    /**
     * picocli's message, except when a converter failed with something other than a TypeConversionException:
     * picocli's text then names the target class and the exception, so only the option and value are said.
     */
    private static String usageMessage(ParameterException e) {
        if (e.getCause() == null || e.getCause() instanceof TypeConversionException || e.getArgSpec() == null) {
            return e.getMessage();
        }
        ArgSpec arg = e.getArgSpec();
        String name = arg instanceof OptionSpec option
                ? "option '" + option.longestName() + "'"
                : "parameter " + arg.paramLabel();
        return "Invalid value for " + name + ": '" + e.getValue() + "'";
    }

    private static boolean verboseRequested(String[] args) {
        for (String arg : args) {
            if (arg.equals("--")) {
                return false;
            }
            if (arg.equals("--verbose") || arg.equals("-v")) {
                return true;
            }
        }
        return false;
    }

    private void printStackTrace(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        err.print(JdbcUrls.redact(trace.toString()));
    }

    /** The first line of {@code message}, with passwords masked and control characters as escapes. */
    private static String firstLine(String message) {
        String text = message == null ? "(no message)" : message.strip();
        int newline = text.indexOf('\n');
        return Visible.text(
                JdbcUrls.redact(newline < 0 ? text : text.substring(0, newline).strip()));
    }
}
