package io.stratum.cli;

import io.stratum.PoolSettings;
import io.stratum.Stratum;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A subcommand that works on the selected database: opens it (migrated, unless the command manages the
 * schema itself), runs, and closes it. Errors propagate to {@link Failures}.
 */
abstract class DatabaseCommand implements Callable<Integer> {
    /** A one-shot command needs few connections and should not open idle ones. */
    static final PoolSettings ONE_SHOT_POOL =
            PoolSettings.defaults().withMaxSize(4).withMinIdle(0);

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        try (Stratum db = open(root())) {
            return run(db, new Output(spec.commandLine().getOut(), root().json()));
        } finally {
            closed();
        }
    }

    /** Runs once the store is closed, whether the command succeeded or not. */
    void closed() {}

    /** Opens the database; the default brings the schema up to date first. */
    Stratum open(StratumCommand root) {
        return root.openMigrated(ONE_SHOT_POOL);
    }

    /** Does the work and returns the exit status. */
    abstract int run(Stratum db, Output out);

    final StratumCommand root() {
        return (StratumCommand) spec.root().userObject();
    }

    /** Where progress and notes go: stderr, so that stdout stays parseable. */
    final PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
