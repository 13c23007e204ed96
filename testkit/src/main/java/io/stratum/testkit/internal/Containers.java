package io.stratum.testkit.internal;

import java.util.Optional;

/** A source of database servers in containers, started once per JVM (Testcontainers: PostgreSQL images only). */
public interface Containers {

    /** Why no container can be started here, or empty when one can. */
    Optional<String> unavailability();

    /** JDBC URL, with credentials, of the JVM's container of {@code image}, started on the first call. */
    String serverUrl(String image);
}
