package io.stratum.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Progress of a long command on stderr: on a terminal a bar redrawn in place (done/total, rate, ETA), otherwise
 * one plain line every few seconds, so logs and CI output stay readable. The work only updates a counter; a
 * daemon thread of this class does the printing.
 */
final class Progress implements AutoCloseable {
    private static final int BAR_WIDTH = 30;
    private static final Duration REDRAW = Duration.ofMillis(200);
    private static final Duration PLAIN_EVERY = Duration.ofSeconds(2);

    private final String label;
    private final long total;
    private final LongSupplier done;
    private final PrintWriter err;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private final Thread printer;

    private Progress(String label, long total, LongSupplier done, PrintWriter err, boolean terminal) {
        this.label = label;
        this.total = total;
        this.done = done;
        this.err = err;
        this.terminal = terminal;
        this.printer = Thread.ofPlatform().daemon().name("stratum-progress").unstarted(this::printUntilInterrupted);
    }

    /** Starts printing the progress of {@code done} towards {@code total}. */
    static Progress start(String label, long total, LongSupplier done, PrintWriter err, boolean terminal) {
        Progress progress = new Progress(label, total, done, err, terminal);
        progress.printer.start();
        return progress;
    }

    /** Whether stderr looks like an interactive terminal that can redraw a line. */
    static boolean onTerminal(Map<String, String> env) {
        Console console = System.console();
        if (console == null || "dumb".equals(env.get("TERM"))) {
            return false;
        }
        try {
            // Java 22+ returns a Console even when redirected and says so here; Java 21 returns none then.
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /** Stops the printer and prints the final state. */
    @Override
    public void close() {
        printer.interrupt();
        try {
            printer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        print();
        if (terminal) {
            err.println();
        }
        err.flush();
    }

    private void printUntilInterrupted() {
        Duration every = terminal ? REDRAW : PLAIN_EVERY;
        try {
            while (true) {
                Thread.sleep(every);
                print();
                err.flush();
            }
        } catch (InterruptedException e) {
            // close() prints the final state
        }
    }

    private void print() {
        long now = done.getAsLong();
        double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
        double rate = now / seconds;
        String eta = now >= total ? "0:00" : rate <= 0 ? "-" : clock((long) ((total - now) / rate));
        String numbers = String.format(
                Locale.ROOT,
                "%,d/%,d %s (%3d%%)  %,.0f/s  ETA %s",
                now,
                total,
                label,
                total == 0 ? 100 : (int) (100 * now / total),
                rate,
                eta);
        if (terminal) {
            int filled = total == 0 ? BAR_WIDTH : (int) (BAR_WIDTH * Math.min(now, total) / total);
            err.print("\r[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] " + numbers + "   ");
        } else {
            err.println(numbers);
        }
    }

    private static String clock(long seconds) {
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
