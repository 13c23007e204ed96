package io.stratum.spi;

import javax.sql.DataSource;

/** A {@link BackendConnection} on a DataSource the application owns: closing it leaves the DataSource open. */
public record AdoptedConnection(DataSource dataSource, WriteGate writeGate) implements BackendConnection {
    @Override
    public void close() {
        // The application created the DataSource and closes it.
    }
}
