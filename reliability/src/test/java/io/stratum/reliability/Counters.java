package io.stratum.reliability;

import io.stratum.Json;
import io.stratum.StaleVersion;
import io.stratum.Stratum;
import io.stratum.memory.MemoryEntry;
import io.stratum.memory.MemoryWrite;

/** Counters kept in memory entries and incremented by compare-and-set: a lost update shows in the final sum. */
final class Counters {
    static final String NAMESPACE = "counters";
    static final int COUNT = 4;

    private Counters() {}

    static String key(int counter) {
        return "c" + counter;
    }

    static void create(Stratum db) {
        for (int c = 0; c < COUNT; c++) {
            db.memory().put(NAMESPACE, key(c), Json.of("0"));
        }
    }

    /** Adds one to {@code counter}, reading and retrying after each lost race; returns the races lost. */
    static int increment(Stratum db, int counter) {
        String key = key(counter);
        for (int conflicts = 0; ; conflicts++) {
            MemoryEntry entry = db.memory().get(NAMESPACE, key).orElseThrow();
            long next = Long.parseLong(entry.value().text()) + 1;
            try {
                db.memory()
                        .put(MemoryWrite.of(NAMESPACE, key, Json.of(Long.toString(next)))
                                .expectingVersion(entry.version()));
                return conflicts;
            } catch (StaleVersion lost) {
                // Another writer got there first: read again.
            }
        }
    }

    static long sum(Stratum db) {
        long sum = 0;
        for (int c = 0; c < COUNT; c++) {
            sum += Long.parseLong(
                    db.memory().get(NAMESPACE, key(c)).orElseThrow().value().text());
        }
        return sum;
    }
}
