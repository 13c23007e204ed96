package io.stratum.internal.tx;

import io.stratum.Retention;
import io.stratum.SchemaMigrations;
import io.stratum.internal.observe.QueueObservers;
import io.stratum.internal.wake.WakeUps;
import io.stratum.spi.Backend;
import io.stratum.spi.BackendConnection;

/** The parts of one open store, wired by {@link StoreAssembly}; {@link io.stratum.Stratum} delegates to them. */
public record AssembledStore(
        Backend backend,
        BackendConnection connection,
        PooledDatabase database,
        TransactionRunner transactions,
        SchemaMigrations schema,
        Repositories repositories,
        Retention retention,
        WakeUps wakeUps,
        QueueObservers observers) {}
