package io.stratum.internal.tx;

import io.stratum.spi.Backend;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;

/** The jOOQ configuration every Stratum instance uses. */
final class Jooq {
    private Jooq() {}

    /**
     * A context on {@code dataSource}: tables rendered unqualified (they resolve through the connection's
     * schema or search_path), no execute logging, and typed errors from every query; then the application's
     * {@code listeners}, which therefore see the typed errors.
     */
    public static DSLContext context(
            DataSource dataSource, Backend backend, ErrorTranslator errors, List<ExecuteListener> listeners) {
        // Stratum's generated tables belong to no schema and render unqualified, found through the connection's
        // search path; the application's schema-qualified names through dsl() keep their schema.
        Settings settings = new Settings().withExecuteLogging(false);
        DefaultConfiguration configuration = new DefaultConfiguration();
        configuration.set(dataSource);
        configuration.set(backend.dialect());
        configuration.set(settings);
        List<ExecuteListener> all = new ArrayList<>();
        all.add(new TranslatingListener(errors));
        all.addAll(listeners);
        configuration.set(all.toArray(ExecuteListener[]::new));
        return DSL.using(configuration);
    }
}
