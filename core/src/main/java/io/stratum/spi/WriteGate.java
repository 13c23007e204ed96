package io.stratum.spi;

import java.util.function.Supplier;

/**
 * Serialises write transactions within one process where the database allows only one writer at a time
 * (SQLite): waiting in the JVM is cheaper and fairer than spinning on the database's busy handler.
 * Implementations must be reentrant, since write transactions nest.
 */
public interface WriteGate {

    /** Runs {@code work} with exclusive write access and returns its result. */
    <T> T exclusive(Supplier<T> work);

    /** A gate that does not serialise: for databases with row-level locking. */
    WriteGate CONCURRENT = new WriteGate() {
        @Override
        public <T> T exclusive(Supplier<T> work) {
            return work.get();
        }
    };
}
