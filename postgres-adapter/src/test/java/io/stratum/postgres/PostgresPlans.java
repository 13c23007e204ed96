package io.stratum.postgres;

import io.stratum.Stratum;
import io.stratum.testkit.tck.QueryPlans;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Generic plans: Stratum's statements are server-side prepared (pgjdbc's {@code prepareThreshold}) and after
 * five runs PostgreSQL may plan them once for any bind values. So each statement is PREPAREd and explained with
 * {@code plan_cache_mode = force_generic_plan}: an index that only a literal value could select fails here.
 */
final class PostgresPlans implements QueryPlans {
    @Override
    public List<String> plan(Stratum db, String sql, List<Object> bindValues) {
        String numbered = numberPlaceholders(sql);
        List<String> arguments = bindValues.stream()
                .map(v -> DSL.using(SQLDialect.POSTGRES).renderInlined(DSL.val(v)))
                .toList();
        return db.dsl().connectionResult(connection -> {
            try (Statement s = connection.createStatement()) {
                s.execute("set plan_cache_mode = force_generic_plan");
                s.execute("prepare stratum_plan as " + numbered);
                try {
                    return explain(s, arguments.isEmpty() ? "" : "(" + String.join(", ", arguments) + ")");
                } finally {
                    s.execute("deallocate stratum_plan");
                    s.execute("reset plan_cache_mode");
                }
            }
        });
    }

    private static List<String> explain(Statement s, String arguments) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (ResultSet plan = s.executeQuery("explain execute stratum_plan" + arguments)) {
            while (plan.next()) {
                lines.add(plan.getString(1));
            }
        }
        return lines;
    }

    /** jOOQ renders JDBC's {@code ?}; PREPARE wants {@code $1, $2, ...} (the queries have no '?' in literals). */
    private static String numberPlaceholders(String sql) {
        StringBuilder numbered = new StringBuilder();
        int n = 0;
        for (char c : sql.toCharArray()) {
            if (c == '?') {
                numbered.append('$').append(++n);
            } else {
                numbered.append(c);
            }
        }
        return numbered.toString();
    }

    @Override
    public boolean isFullScan(String line) {
        return line.contains("Seq Scan on");
    }
}
