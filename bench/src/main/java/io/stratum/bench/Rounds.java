package io.stratum.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warm-up and measured rounds, interleaved across contenders (A B A B ...) so that a slow phase of a noisy
 * machine hits every contender alike instead of one of them. Warm-up goes on, round after round, until both
 * {@code warmups} rounds and {@code warmupTime} have passed (at most {@value #MAX_WARMUPS} rounds): a round of a
 * few hundred calls ends long before the JIT compilers are done with the code it runs, most of all in the first
 * workload of the run.
 */
final class Rounds {
    private static final Logger LOG = LoggerFactory.getLogger(Rounds.class);
    private static final int MAX_WARMUPS = 20;

    private final int warmups;
    private final Duration warmupTime;
    private final int measured;

    Rounds(int warmups, Duration warmupTime, int measured) {
        this.warmups = warmups;
        this.warmupTime = warmupTime;
        this.measured = measured;
    }

    /** Runs every contender's rounds and returns each one's outcome, keyed by system, in the given order. */
    Map<String, Outcome> run(String label, List<? extends Contender> contenders) {
        Map<String, List<RoundResult>> results = new LinkedHashMap<>();
        Map<String, String> failures = new LinkedHashMap<>();
        contenders.forEach(c -> results.put(c.system(), new ArrayList<>()));
        long started = System.nanoTime();
        int warmupRounds = warmups;
        for (int round = 0; round < warmupRounds + measured; round++) {
            if (round == warmupRounds - 1
                    && warmupRounds < MAX_WARMUPS
                    && System.nanoTime() - started < warmupTime.toNanos()) {
                warmupRounds++;
            }
            for (Contender contender : contenders) {
                if (failures.containsKey(contender.system())) {
                    continue;
                }
                try {
                    RoundResult result = contender.round(round);
                    LOG.info(
                            "{} {} round {}{}: {} ops in {} ms",
                            label,
                            contender.system(),
                            round,
                            round < warmupRounds ? " (warm-up)" : "",
                            result.operations(),
                            result.nanos() / 1_000_000);
                    if (round >= warmupRounds) {
                        results.get(contender.system()).add(result);
                    }
                } catch (Exception e) {
                    LOG.warn("{} {} failed in round {}", label, contender.system(), round, e);
                    failures.put(contender.system(), e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }
        }
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        results.forEach((system, rounds) -> outcomes.put(
                system,
                failures.containsKey(system)
                        ? Outcome.failed(failures.get(system))
                        : Outcome.measured(Measurement.of(rounds))));
        return outcomes;
    }

    /** A measurement, or why there is none: a failure, or a combination that does not apply. */
    record Outcome(Measurement measurement, String reason, boolean applies) {
        static Outcome measured(Measurement m) {
            return new Outcome(m, null, true);
        }

        static Outcome failed(String why) {
            return new Outcome(null, why, true);
        }

        static Outcome notApplicable(String why) {
            return new Outcome(null, why, false);
        }

        /** Measured, or legitimately not run. */
        boolean ok() {
            return measurement != null || !applies;
        }
    }
}
