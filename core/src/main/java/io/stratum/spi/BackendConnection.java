package io.stratum.spi;

import javax.sql.DataSource;

/** An open connection source of a {@link Backend}, with the backend's write discipline. */
public interface BackendConnection extends AutoCloseable {

    /** Where Stratum takes connections from. */
    DataSource dataSource();

    /** How write transactions are serialised in this process; {@link WriteGate#CONCURRENT} when they need not be. */
    WriteGate writeGate();

    /** Closes the pool if this connection owns it. Idempotent. */
    @Override
    void close();
}
