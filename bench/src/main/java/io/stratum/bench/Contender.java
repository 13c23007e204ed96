package io.stratum.bench;

/**
 * One system under measurement in one workload on one backend. Each {@link #round(int)} prepares what it
 * needs without the clock running, then times the work itself.
 */
interface Contender extends AutoCloseable {

    /** The system's label in the table: {@code stratum}, {@code jdbc}, {@code db-scheduler}, ... */
    String system();

    RoundResult round(int index) throws Exception;

    @Override
    default void close() throws Exception {}
}
