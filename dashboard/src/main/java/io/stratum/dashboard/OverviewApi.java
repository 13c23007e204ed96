package io.stratum.dashboard;

import static io.stratum.codegen.jooq.Tables.TASKS;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.min;

import io.stratum.Stratum;
import io.stratum.task.TaskStatus;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@code /api/overview}: the database shown, task counts by status, throughput, the oldest ready task. */
final class OverviewApi {
    private final Stratum db;
    private final String shownUrl;

    OverviewApi(Stratum db, String shownUrl) {
        this.db = db;
        this.shownUrl = shownUrl;
    }

    Map<String, Object> overview(URI uri) {
        Request.of(uri, Set.of());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Map<String, Object> counts = new LinkedHashMap<>();
        for (TaskStatus status : TaskStatus.values()) {
            counts.put(Views.lower(status), 0L);
        }
        db.dsl()
                .select(TASKS.STATUS, count())
                .from(TASKS)
                .groupBy(TASKS.STATUS)
                .forEach(r -> counts.put(r.value1(), r.value2().longValue()));
        OffsetDateTime oldestReady = db.dsl()
                .select(min(TASKS.SUBMITTED_AT))
                .from(TASKS)
                .where(TASKS.STATUS.eq(TaskStatus.READY.dbValue()))
                .fetchOne(0, OffsetDateTime.class);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("database", shownUrl);
        json.put("backend", db.backendName());
        json.put("now", now.toString());
        json.put("counts", counts);
        json.put("completedLastMinute", finishedSince(TaskStatus.COMPLETED, now.minusMinutes(1)));
        json.put("failedLastMinute", finishedSince(TaskStatus.FAILED, now.minusMinutes(1)));
        json.put("oldestReadySubmittedAt", Views.text(oldestReady));
        return json;
    }

    private long finishedSince(TaskStatus status, OffsetDateTime since) {
        return db.dsl().fetchCount(TASKS, TASKS.STATUS.eq(status.dbValue()).and(TASKS.COMPLETED_AT.ge(since)));
    }
}
