package io.stratum.internal.values;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {
    @Test
    void idsAreVersion7AndSortByTimeAsUuidsAndAsText() {
        Instant t = Instant.parse("2026-01-01T00:00:00.000001Z");
        UUID earlier = Ids.v7(t);
        UUID later = Ids.v7(t.plusNanos(1_000));
        assertThat(earlier.version()).isEqualTo(7);
        assertThat(earlier.variant()).isEqualTo(2);
        assertThat(earlier.toString()).isLessThan(later.toString());
        assertThat(earlier.getMostSignificantBits() >>> 16).isEqualTo(t.toEpochMilli());
    }
}
