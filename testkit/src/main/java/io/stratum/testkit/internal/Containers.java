package io.stratum.testkit.internal;

import java.util.Optional;

/**
 * A source of database servers in containers, one per image and JVM (Testcontainers, for the backends a
 * {@link ContainerRecipe} exists for).
 */
public interface Containers {

    /** Why no container of {@code image} can serve {@code backend} here, or empty when one can. */
    Optional<String> unavailability(String backend, String image);

    /** JDBC URL, with credentials, of the JVM's container of {@code image}, started on the first call. */
    String serverUrl(String backend, String image);
}
