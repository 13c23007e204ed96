package io.stratum.internal.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.Busy;
import io.stratum.InvalidInput;
import io.stratum.RetryListener;
import io.stratum.RetryPolicy;
import io.stratum.Timeout;
import io.stratum.Unavailable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetrierTest {
    private static final RetryPolicy FAST = new RetryPolicy(4, Duration.ofMillis(1), Duration.ofMillis(2));

    @Test
    void waitsGrowExponentiallyWithJitterUpToTheCap() {
        Retrier retrier =
                new Retrier(new RetryPolicy(10, Duration.ofMillis(10), Duration.ofMillis(50)), RetryListener.NONE);
        for (int i = 0; i < 200; i++) {
            assertThat(retrier.backoff(1)).isBetween(Duration.ofMillis(5), Duration.ofMillis(10));
            assertThat(retrier.backoff(2)).isBetween(Duration.ofMillis(10), Duration.ofMillis(20));
            assertThat(retrier.backoff(3)).isBetween(Duration.ofMillis(20), Duration.ofMillis(40));
            assertThat(retrier.backoff(4)).isBetween(Duration.ofMillis(25), Duration.ofMillis(50));
            assertThat(retrier.backoff(90)).isBetween(Duration.ofMillis(25), Duration.ofMillis(50));
        }
        assertThat(new Retrier(RetryPolicy.none(), RetryListener.NONE).backoff(1))
                .isZero();
    }

    @Test
    void transientFailuresAreRetriedAndReportedUntilSuccess() {
        List<Integer> reported = new ArrayList<>();
        Retrier retrier = new Retrier(FAST, (attempt, failure, delay) -> reported.add(attempt));

        String result = retrier.run(attempt -> {
            if (attempt == 1) {
                throw new Busy("locked", null);
            }
            if (attempt == 2) {
                throw new Unavailable("connection reset before commit", null);
            }
            return "done on " + attempt;
        });

        assertThat(result).isEqualTo("done on 3");
        assertThat(reported).containsExactly(1, 2);
    }

    @Test
    void theLastFailureIsThrownAfterMaxAttempts() {
        List<Integer> attempts = new ArrayList<>();
        Busy last = new Busy("still locked", null);
        assertThatThrownBy(() -> new Retrier(FAST, RetryListener.NONE).run(attempt -> {
                    attempts.add(attempt);
                    throw attempt == 4 ? last : new Busy("locked", null);
                }))
                .isSameAs(last);
        assertThat(attempts).containsExactly(1, 2, 3, 4);
    }

    @Test
    void otherFailuresAreThrownAtOnce() {
        Retrier retrier = new Retrier(FAST, RetryListener.NONE);
        List<Integer> attempts = new ArrayList<>();
        assertThatThrownBy(() -> retrier.run(attempt -> {
                    attempts.add(attempt);
                    throw new Timeout("pool exhausted", null);
                }))
                .isInstanceOf(Timeout.class);
        assertThatThrownBy(() -> retrier.run(attempt -> {
                    attempts.add(attempt);
                    throw new Unavailable("lost during COMMIT", null, false);
                }))
                .isInstanceOf(Unavailable.class);
        assertThatThrownBy(() -> retrier.run(attempt -> {
                    attempts.add(attempt);
                    throw new IllegalStateException("a bug");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(attempts).containsExactly(1, 1, 1);
    }

    @Test
    void anInterruptedWaitEndsWithTheFailureAndKeepsTheInterrupt() {
        Retrier retrier =
                new Retrier(new RetryPolicy(5, Duration.ofSeconds(10), Duration.ofSeconds(10)), RetryListener.NONE);
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> retrier.run(attempt -> {
                        throw new Busy("locked", null);
                    }))
                    .isInstanceOf(Busy.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void policiesAreValidatedUpFront() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("retry.maxAttempts"));
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofMillis(-1), Duration.ZERO))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("retry.initialBackoff"));
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(5)))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("retry.maxBackoff"));
        assertThatThrownBy(() -> RetryPolicy.defaults().withBackoff(Duration.ZERO, Duration.ofMinutes(2)))
                .isInstanceOf(InvalidInput.class);
        assertThat(RetryPolicy.defaults().withMaxAttempts(3).maxAttempts()).isEqualTo(3);
    }
}
