package io.stratum.testkit.tck;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move by hand; starts at a fixed instant with sub-microsecond digits to prove truncation. */
public final class MutableClock extends Clock {
    public static final Instant START = Instant.parse("2026-03-14T15:09:26.535897932Z");

    private volatile Instant now = START;

    public void reset() {
        now = START;
    }

    public void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("tests use UTC");
    }
}
