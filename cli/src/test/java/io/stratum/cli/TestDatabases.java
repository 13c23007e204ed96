package io.stratum.cli;

/** Fresh, empty databases of one backend for a test class; {@link #close()} removes them. */
interface TestDatabases extends AutoCloseable {

    /** JDBC URL of a new database no other test uses. */
    String freshUrl();

    @Override
    void close();
}
