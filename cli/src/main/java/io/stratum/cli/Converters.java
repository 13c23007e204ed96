package io.stratum.cli;

import io.stratum.InvalidInput;
import io.stratum.Json;
import io.stratum.queue.TaskQueue;
import io.stratum.session.SessionId;
import io.stratum.task.TaskId;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
    /** A number, whole or decimal, and an optional unit; only zero may go without one. */
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)\\s*(ms|s|m|h|d)?");

    /** The longest duration any option takes: 100 years, far beyond any lease, delay or refresh interval. */
    static final Duration MAX_DURATION = Duration.ofDays(36_500);

    private static final BigDecimal MAX_NANOS =
            BigDecimal.valueOf(MAX_DURATION.toSeconds()).multiply(BigDecimal.valueOf(1_000_000_000L));

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

    /**
     * A duration as people type it: a number, whole or decimal, with a unit ({@code 500ms}, {@code 30s}, {@code 1.5m},
     * {@code 2h}, {@code 1d}), a bare {@code 0}, or ISO-8601 such as {@code PT5M}; zero or more, and at most
     * {@link #MAX_DURATION}. A value that does not convert is refused with what was typed and what is accepted.
     */
    static Duration duration(String text) {
        return duration(text, false);
    }

    private static Duration duration(String text, boolean positive) {
        String typed = text.strip();
        String lower = typed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("-")) {
            throw new TypeConversionException(negative(text, positive));
        }
        Duration duration;
        Matcher m = SHORT_DURATION.matcher(lower);
        if (m.matches()) {
            duration = shortDuration(text, new BigDecimal(m.group(1)), m.group(2));
        } else if (lower.startsWith("p")) {
            try {
                duration = Duration.parse(typed);
            } catch (DateTimeParseException e) {
                boolean overflow =
                        e.getCause() instanceof ArithmeticException || e.getCause() instanceof NumberFormatException;
                throw conversion(overflow ? tooLong(text) : notADuration(text), e);
            }
        } else {
            throw new TypeConversionException(notADuration(text));
        }
        if (duration.isNegative() || positive && duration.isZero()) {
            throw new TypeConversionException(negative(text, positive));
        }
        if (duration.compareTo(MAX_DURATION) > 0) {
            throw new TypeConversionException(tooLong(text));
        }
        return duration;
    }

    /** A {@link #duration(String)} that must be more than zero: the time between refreshes, a lease, a TTL. */
    static final class PositiveDuration implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String text) {
            return duration(text, true);
        }
    }

    /** A lease: a {@link PositiveDuration} of at most {@link TaskQueue#MAX_LEASE}. */
    static final class LeaseDuration implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String text) {
            Duration lease = duration(text, true);
            if (lease.compareTo(TaskQueue.MAX_LEASE) > 0) {
                throw new TypeConversionException(
                        "'" + text + "' is too long: a lease may be at most " + TaskQueue.MAX_LEASE.toDays() + "d");
            }
            return lease;
        }
    }

    private static Duration shortDuration(String text, BigDecimal amount, String unit) {
        if (unit == null) {
            if (amount.signum() != 0) {
                throw new TypeConversionException("'" + text + "' has no unit: give one of ms, s, m, h or d (e.g. "
                        + amount.toPlainString() + "s)");
            }
            return Duration.ZERO;
        }
        long nanosPerUnit = switch (unit) {
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> 86_400_000_000_000L;
        };
        BigDecimal nanos = amount.multiply(BigDecimal.valueOf(nanosPerUnit)).setScale(0, RoundingMode.HALF_UP);
        if (nanos.compareTo(MAX_NANOS) > 0) {
            throw new TypeConversionException(tooLong(text));
        }
        return Duration.ofNanos(nanos.longValueExact());
    }

    private static String negative(String text, boolean positive) {
        return positive
                ? "'" + text + "' must be positive (e.g. 500ms, 2s, 1m)"
                : "'" + text + "' is negative: a duration must be zero or more (e.g. 0, 500ms, 30s)";
    }

    private static String notADuration(String text) {
        return "'" + text + "' is not a duration: give a number and a unit ms, s, m, h or d (e.g. 500ms, 30s, 1.5m,"
                + " 2h, 1d), 0, or ISO-8601 (e.g. PT5M)";
    }

    private static String tooLong(String text) {
        return "'" + text + "' is too long: a duration may be at most " + MAX_DURATION.toDays() + "d (100 years)";
    }
}
