package io.stratum.testkit.tck;

/** What a backend configuration can do beyond what every one can; contracts that need it run only where it is given. */
public enum Capability {
    /**
     * Every process that opens a database's URL reaches the same database, so contracts may start other JVMs
     * on it. Private in-memory databases lack it.
     */
    SHARED_ACROSS_PROCESSES
}
