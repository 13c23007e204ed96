package io.stratum.cli;

import io.stratum.InvalidInput;
import io.stratum.Json;
import io.stratum.task.TaskId;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/** Argument types picocli does not know: task ids, JSON documents, and durations such as {@code 30s}. */
final class Converters {
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    private Converters() {
    }

    static CommandLine register(CommandLine cli) {
        return cli.registerConverter(TaskId.class, Converters::taskId)
                .registerConverter(Json.class, Converters::json)
                .registerConverter(Duration.class, Converters::duration);
    }

    static TaskId taskId(String text) {
        try {
            return TaskId.parse(text);
        } catch (InvalidInput e) {
            throw new TypeConversionException("'" + text + "' is not a task id (a UUID)");
        }
    }

    static Json json(String text) {
        try {
            return Json.of(text);
        } catch (InvalidInput e) {
            throw new TypeConversionException("not valid JSON: " + e.getMessage());
        }
    }

    /** {@code 250ms}, {@code 30s}, {@code 5m}, {@code 2h}, or ISO-8601 such as {@code PT5M}. */
    static Duration duration(String text) {
        Matcher m = SHORT_DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        try {
            return Duration.parse(text);
        } catch (RuntimeException e) {
            throw new TypeConversionException("'" + text + "' is not a duration (e.g. 30s, 5m, 1h or PT5M)");
        }
    }
}
