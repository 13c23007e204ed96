package io.stratum.testkit.tck;

import io.stratum.Stratum;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * Child process of {@link ConcurrentMigrationContract}. Arguments: a barrier directory, the number of processes
 * taking part, and one database URL per round. In each round it opens a store on that round's database, waits
 * until every process has done the same, migrates, and goes on to the next round; it exits 0 if every migration
 * succeeded and 1 otherwise, after the last round, so that a failure never leaves the other processes waiting.
 */
public final class MigrateMain {
    /** Not a performance bound: how long a process waits for a peer that may have died before it gives up. */
    private static final Duration BARRIER_HANG_GUARD = Duration.ofMinutes(3);

    private MigrateMain() {}

    public static void main(String[] args) {
        Path barriers = Path.of(args[0]);
        int parties = Integer.parseInt(args[1]);
        int failures = 0;
        for (int round = 0; round < args.length - 2; round++) {
            String url = args[round + 2];
            try (Stratum db = Stratum.open(url)) {
                await(barriers.resolve("round-" + round), parties);
                db.migrate();
            } catch (RuntimeException e) {
                failures++;
                System.err.println("round " + round + ": migrate failed: " + e);
            }
        }
        System.exit(failures == 0 ? 0 : 1);
    }

    /** A file-system barrier: each process adds a file to {@code round}, then waits until there are {@code parties}. */
    private static void await(Path round, int parties) {
        long deadline = System.nanoTime() + BARRIER_HANG_GUARD.toNanos();
        try {
            Files.createDirectories(round);
            Files.createFile(round.resolve(Long.toString(ProcessHandle.current().pid())));
            while (arrived(round) < parties) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the other processes did not reach " + round);
                }
                LockSupport.parkNanos(100_000);
            }
        } catch (IOException e) {
            throw new IllegalStateException("barrier " + round + " failed", e);
        }
    }

    private static long arrived(Path round) throws IOException {
        try (Stream<Path> files = Files.list(round)) {
            return files.count();
        }
    }
}
