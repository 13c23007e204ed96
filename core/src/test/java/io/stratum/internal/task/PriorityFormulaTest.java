package io.stratum.internal.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class PriorityFormulaTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-01-01T00:00:00Z");

    @Test
    void priorityAloneWithoutDepthOrDeadline() {
        assertThat(PriorityFormula.calculate(7, 0, null, NOW)).isEqualTo(7.0);
    }

    @Test
    void depthAddsHalfAPointPerLevelUpToTen() {
        assertThat(PriorityFormula.calculate(5, 4, null, NOW)).isEqualTo(7.0);
        assertThat(PriorityFormula.calculate(5, 50, null, NOW)).isEqualTo(10.0);
    }

    @Test
    void urgencyRampsUpInsideTheLast72Hours() {
        assertThat(PriorityFormula.calculate(0, 0, NOW.plusHours(100), NOW)).isZero();
        assertThat(PriorityFormula.calculate(0, 0, NOW.plusHours(36), NOW)).isCloseTo(5.0, within(1e-9));
        assertThat(PriorityFormula.calculate(0, 0, NOW.minusHours(1), NOW)).isEqualTo(10.0);
    }
}
