package io.stratum.reliability;

import io.stratum.Stratum;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A second process for {@link SqliteContentionTest}: {@code <url> <threads> <increments per thread>}. Exits 0 and
 * prints its lost races when every increment landed, exits 1 with the stack trace of the first failure otherwise.
 */
public final class CounterWriterMain {
    private CounterWriterMain() {}

    public static void main(String[] args) throws InterruptedException {
        int threads = Integer.parseInt(args[1]);
        int increments = Integer.parseInt(args[2]);
        AtomicInteger conflicts = new AtomicInteger();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (Stratum db = Stratum.open(args[0])) {
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                workers.add(Thread.ofPlatform().start(() -> {
                    try {
                        for (int i = 0; i < increments; i++) {
                            conflicts.addAndGet(Counters.increment(db, (offset + i) % Counters.COUNT));
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }));
            }
            for (Thread worker : workers) {
                worker.join();
            }
        }
        if (!failures.isEmpty()) {
            failures.get(0).printStackTrace();
            System.exit(1);
        }
        System.out.println("conflicts " + conflicts.get());
        System.exit(0);
    }
}
