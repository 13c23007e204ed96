package io.stratum.testkit.tck;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Times as Stratum stores them: in UTC, truncated to microseconds (the finest precision PostgreSQL keeps). */
final class StoredTime {
    private StoredTime() {}

    /** Now, per {@code clock}, as a stored time. */
    static OffsetDateTime now(Clock clock) {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
