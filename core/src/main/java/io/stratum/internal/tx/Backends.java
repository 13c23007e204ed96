package io.stratum.internal.tx;

import io.stratum.InvalidInput;
import io.stratum.JdbcUrls;
import io.stratum.spi.Backend;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.jooq.SQLDialect;

/** Finds {@link Backend} implementations on the class path with {@link ServiceLoader}. */
public final class Backends {
    private Backends() {}

    /** The backend that handles {@code jdbcUrl}; {@link InvalidInput} naming the installed ones if none does. */
    public static Backend forUrl(String jdbcUrl) {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw new InvalidInput("url", "a JDBC URL is required, e.g. jdbc:sqlite:stratum.db");
        }
        if (!jdbcUrl.startsWith("jdbc:")) {
            throw new InvalidInput(
                    "url", "'" + JdbcUrls.redact(jdbcUrl) + "' is not a JDBC URL (it must start with jdbc:)");
        }
        List<Backend> all = installed();
        return all.stream()
                .filter(b -> b.handles(jdbcUrl))
                .findFirst()
                .orElseThrow(
                        () -> new InvalidInput(
                                "url",
                                "no Stratum backend handles '" + JdbcUrls.redact(jdbcUrl)
                                        + "'; installed backends: " + names(all)
                                        + " (add the adapter module, e.g. stratum-sqlite or stratum-postgres, to the class path)"));
    }

    /** The backend for a jOOQ dialect family, for {@code Stratum.open(DataSource, SQLDialect)}. */
    public static Backend forDialect(SQLDialect dialect) {
        if (dialect == null) {
            throw new InvalidInput("dialect", "is required");
        }
        List<Backend> all = installed();
        return all.stream()
                .filter(b -> b.dialect().family() == dialect.family())
                .findFirst()
                .orElseThrow(() -> new InvalidInput(
                        "dialect", "no Stratum backend for " + dialect + "; installed backends: " + names(all)));
    }

    private static List<Backend> installed() {
        List<Backend> result = new ArrayList<>();
        ServiceLoader.load(Backend.class, Backends.class.getClassLoader()).forEach(result::add);
        return result;
    }

    private static String names(List<Backend> backends) {
        return backends.isEmpty()
                ? "none"
                : backends.stream().map(Backend::name).collect(Collectors.joining(", "));
    }
}
