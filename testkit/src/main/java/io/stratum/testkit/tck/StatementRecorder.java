package io.stratum.testkit.tck;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteType;

/**
 * Records the statements a store executes while {@link #during} runs an operation: the SQL exactly as jOOQ
 * rendered it for the driver, with its bind values. Inserts (of values: the audit rows) and batches are left out:
 * they look nothing up. Statements are told apart by their SQL: those of the hot paths reach listeners as
 * plain SQL rendered once, not as jOOQ's INSERT or UPDATE objects. Statements may run on another thread than the caller's (the SQLite write queue), so recording is switched on
 * for the store, not for a thread.
 */
final class StatementRecorder implements ExecuteListener {
    private volatile List<RecordedStatement> recording;

    /** The statements {@code operation} executed, in order. */
    synchronized List<RecordedStatement> during(Runnable operation) {
        recording = new ArrayList<>();
        try {
            operation.run();
            return List.copyOf(recording);
        } finally {
            recording = null;
        }
    }

    @Override
    public void executeStart(ExecuteContext ctx) {
        List<RecordedStatement> target = recording;
        if (target != null
                && ctx.type() != ExecuteType.BATCH
                && ctx.query() != null
                && !ctx.sql().regionMatches(true, 0, "insert", 0, "insert".length())) {
            synchronized (target) {
                target.add(new RecordedStatement(ctx.sql(), ctx.query().getBindValues()));
            }
        }
    }

    /** One executed statement: its SQL, with a {@code ?} for each of its bind values. */
    record RecordedStatement(String sql, List<Object> bindValues) {
        private static final Pattern UPDATE =
                Pattern.compile("\\s*(with\\s+\\S+\\s+as\\s*\\(\\s*)?update\\b", Pattern.CASE_INSENSITIVE);

        private static final Pattern LOCKING_SELECT =
                Pattern.compile("\\s*select\\b.*\\bfor\\s+update\\b", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

        /** An UPDATE, alone or as the first part of a {@code WITH} that writes more (its audit rows). */
        boolean isUpdate() {
            return UPDATE.matcher(sql).lookingAt();
        }

        /** A SELECT that locks the rows it reads ({@code FOR UPDATE}). */
        boolean isLockingSelect() {
            return LOCKING_SELECT.matcher(sql).lookingAt();
        }

        @Override
        public String toString() {
            return sql + " " + bindValues;
        }
    }
}
