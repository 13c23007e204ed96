package io.stratum.internal.values;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The one place timestamps are made. Every stored time is UTC and truncated to microseconds, the finest
 * precision PostgreSQL keeps, so values read back equal values written on both backends.
 */
public final class Timestamps {
    private Timestamps() {}

    /** Now, per {@code clock}, in UTC, truncated to microseconds. */
    public static OffsetDateTime now(Clock clock) {
        return normalize(OffsetDateTime.now(clock));
    }

    /** {@code value} in UTC truncated to microseconds; null stays null. */
    public static OffsetDateTime normalize(OffsetDateTime value) {
        return value == null
                ? null
                : value.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
