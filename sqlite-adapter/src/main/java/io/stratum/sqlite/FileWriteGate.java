package io.stratum.sqlite;

import io.stratum.spi.WriteGate;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises write transactions on one SQLite database within this JVM. All Stratum instances on the same
 * file share one fair lock, so in-process writers queue in order instead of polling SQLite's busy handler;
 * other processes are still held off by SQLite's own lock and busy timeout.
 */
final class FileWriteGate implements WriteGate {
    private static final ConcurrentMap<Path, FileWriteGate> BY_FILE = new ConcurrentHashMap<>();

    private final ReentrantLock lock = new ReentrantLock(true);

    private FileWriteGate() {}

    static FileWriteGate forFile(Path path) {
        return BY_FILE.computeIfAbsent(path, p -> new FileWriteGate());
    }

    static FileWriteGate forMemory() {
        return new FileWriteGate();
    }

    @Override
    public <T> T exclusive(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
