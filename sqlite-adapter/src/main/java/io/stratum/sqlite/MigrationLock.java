package io.stratum.sqlite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets one migration at a time run on a SQLite database file, across processes: an exclusive OS lock on a file
 * next to the database ({@code <database>.migrate-lock}), held from before Liquibase first looks at the schema
 * until the migration ends. Liquibase's own lock table cannot do this on SQLite, because creating that table and
 * the changelog table is itself a race between processes. The lock file is left in place: deleting it while
 * another process waits on it would let a third process lock a new file of the same name.
 *
 * <p>Within one JVM an OS file lock cannot be taken twice, so migrations of the same file in one process also
 * queue on an in-process lock first.
 */
final class MigrationLock implements AutoCloseable {
    private static final ConcurrentMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();
    private static final long MAX_POLL_MS = 100;

    private final Path file;
    private final ReentrantLock inProcess;
    private final FileChannel channel;

    private MigrationLock(Path file, ReentrantLock inProcess, FileChannel channel) {
        this.file = file;
        this.inProcess = inProcess;
        this.channel = channel;
    }

    /** The lock file of the database at {@code database}. */
    static Path lockFile(Path database) {
        return database.resolveSibling(database.getFileName() + ".migrate-lock");
    }

    /**
     * Waits until no other migration of {@code database} runs, in this process or another, for at most
     * {@code patience}.
     *
     * @throws IllegalStateException if another migration still runs after {@code patience}
     * @throws UncheckedIOException if the lock file cannot be created or locked
     */
    static MigrationLock acquire(Path database, Duration patience) {
        Path file = lockFile(database.toAbsolutePath().normalize());
        long deadline = System.nanoTime() + patience.toNanos();
        ReentrantLock inProcess = IN_PROCESS.computeIfAbsent(file, f -> new ReentrantLock(true));
        try {
            if (!inProcess.tryLock(patience.toNanos(), TimeUnit.NANOSECONDS)) {
                throw stillMigrating(database, patience);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for another migration of " + database, e);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            long pollMs = 1;
            while (lock == null) {
                if (System.nanoTime() > deadline) {
                    throw stillMigrating(database, patience);
                }
                Thread.sleep(pollMs);
                pollMs = Math.min(MAX_POLL_MS, pollMs * 2);
                lock = channel.tryLock();
            }
            return new MigrationLock(file, inProcess, channel);
        } catch (IOException e) {
            closeQuietly(channel);
            inProcess.unlock();
            throw new UncheckedIOException("cannot lock " + file + " against concurrent migrations", e);
        } catch (InterruptedException e) {
            closeQuietly(channel);
            inProcess.unlock();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for another migration of " + database, e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            inProcess.unlock();
            throw e;
        }
    }

    private static IllegalStateException stillMigrating(Path database, Duration patience) {
        return new IllegalStateException(
                "another migration of " + database + " still runs after " + patience.toSeconds() + " s");
    }

    /** Lets the next migration of the database in. */
    @Override
    public void close() {
        try {
            channel.close(); // releases the OS lock
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release " + file, e);
        } finally {
            inProcess.unlock();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // Closing releases the OS lock; a failure to close leaves nothing else to undo.
        }
    }
}
