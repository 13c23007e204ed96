package io.stratum.testkit.internal;

import java.util.Optional;

/** A source of PostgreSQL servers in containers, one per JVM. */
public interface Containers {

    /** Why no container can be started here, or empty when one can. */
    Optional<String> unavailability();

    /** JDBC URL, with credentials, of the JVM's PostgreSQL container, started on the first call. */
    String postgresUrl(String image);
}
