package io.stratum.cli;

import io.stratum.InvalidInput;
import io.stratum.Json;
import io.stratum.session.SessionId;
import io.stratum.task.TaskId;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/**
 * Argument types picocli does not know (task ids, JSON documents, durations such as {@code 30s}) and those whose
 * picocli error would name Java classes (timestamps, UUIDs). A value that does not convert is one sentence saying
 * what was expected; the parser's exception stays attached as the cause, for {@code --verbose}.
 */
final class Converters {
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    private Converters() {}

    static CommandLine register(CommandLine cli) {
        return cli.registerConverter(TaskId.class, Converters::taskId)
                .registerConverter(Json.class, Converters::json)
                .registerConverter(Duration.class, Converters::duration)
                .registerConverter(OffsetDateTime.class, Converters::timestamp)
                .registerConverter(UUID.class, Converters::uuid)
                .registerConverter(SessionId.class, text -> SessionId.of(uuid(text)));
    }

    /** ISO-8601 with an offset, such as {@code 2030-01-31T18:00:00Z}. */
    static OffsetDateTime timestamp(String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw conversion(
                    "'" + text + "' is not a timestamp (ISO-8601 with an offset, e.g. 2030-01-31T18:00:00Z)", e);
        }
    }

    static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw conversion("'" + text + "' is not a UUID (e.g. 0190a0b4-6b8e-7c2a-9d3f-5e1a2b3c4d5e)", e);
        }
    }

    private static TypeConversionException conversion(String message, Exception cause) {
        TypeConversionException e = new TypeConversionException(message);
        e.initCause(cause);
        return e;
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
        if (text.trim().startsWith("-")) {
            throw new TypeConversionException("'" + text + "' is negative: a duration must be zero or more (e.g. 30s)");
        }
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
