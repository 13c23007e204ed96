package io.stratum.internal.values;

import io.stratum.InvalidInput;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Time-ordered UUIDs (RFC 9562 version 7). The 12 bits after the millisecond timestamp carry the
 * sub-millisecond fraction (the RFC's "method 3"), so ids sort by creation time to about 250 ns, and as
 * text too, which keeps SQLite's TEXT primary key index append-mostly.
 */
public final class Ids {
    private Ids() {}

    /** A new version 7 UUID for the given instant. */
    public static UUID v7(Instant at) {
        long millis = at.toEpochMilli();
        long subMilliNanos = at.getNano() % 1_000_000L;
        long fraction = subMilliNanos * 4096 / 1_000_000L;
        long msb = (millis << 16) | (0x7L << 12) | fraction;
        long lsb = (ThreadLocalRandom.current().nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }

    /** {@code value} if it is not null; {@link InvalidInput} naming {@code field} otherwise. */
    public static UUID required(String field, UUID value) {
        if (value == null) {
            throw new InvalidInput(field, "is required");
        }
        return value;
    }

    /** The UUID in {@code text} (canonical form, surrounding blanks ignored); {@link InvalidInput} naming {@code field} otherwise. */
    public static UUID parse(String field, String text) {
        if (text == null) {
            throw new InvalidInput(field, "is required");
        }
        try {
            return UUID.fromString(text.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(field, "'" + text + "' is not a UUID");
        }
    }
}
