package io.stratum.dashboard;

import io.stratum.Json;
import io.stratum.Stratum;
import io.stratum.queue.Claimed;
import io.stratum.session.NewSession;
import io.stratum.session.SessionId;
import io.stratum.task.NewTask;
import io.stratum.task.TaskId;
import java.time.Duration;
import java.util.List;

/**
 * What the dashboard's tests read, written through the public API: a diamond of dependencies (plan, design, then
 * api and ui, then ship), one completed and one failed task, a task whose summary is markup, tasks to page
 * through, a session with events, agents, and memory with versions; design is left running.
 */
record SeededData(TaskId plan, TaskId design, TaskId ship, TaskId xss, TaskId flaky, SessionId session) {
    /** A summary that runs script if a page ever treats it as markup. */
    static final String XSS_SUMMARY = "<img src=x onerror=\"alert('img')\"><script>alert('xss')</script> & \"quoted\"";

    static final String PAGING_AGENT = "pager";
    static final int PAGING_TASKS = 7;
    /** Every task seeded: the diamond, the failed one, the one with markup, and the paged ones. */
    static final int TOTAL_TASKS = 5 + 1 + 1 + PAGING_TASKS;
    /** Waiting for a dependency: api, ui and ship. */
    static final int PENDING_TASKS = 3;
    /** Claimable: the one with markup and the paged ones (design is running). */
    static final int READY_TASKS = 1 + PAGING_TASKS;
    /** Design, claimed by {@link #WORKER}. */
    static final int RUNNING_TASKS = 1;

    static final String WORKER = "worker-7";

    static final String BRANCH = "feature/dashboard";
    /** Tasks in the graph around any task of the diamond, and the edges among them. */
    static final int DIAMOND_NODES = 5;

    static final int DIAMOND_EDGES = 5;
    static final int SESSION_EVENTS = 3;
    static final int AGENTS = 2;
    static final String NAMESPACE = "release";
    static final String XSS_KEY = "<b>key</b>";

    static SeededData seed(Stratum db) {
        SessionId session =
                db.sessions().create(NewSession.named("release session")).id();
        TaskId plan = db.tasks()
                .submit(NewTask.builder("plan the release", "planner")
                        .priority(10)
                        .sessionId(session)
                        .featureBranch(BRANCH)
                        .build());
        complete(db, plan);
        TaskId design = db.tasks()
                .submit(NewTask.builder("design the API", "architect")
                        .dependsOn(plan)
                        .sessionId(session)
                        .parentTaskId(plan)
                        .build());
        TaskId api = db.tasks()
                .submit(NewTask.builder("build the API", "coder")
                        .dependsOn(design)
                        .parentTaskId(plan)
                        .build());
        TaskId ui = db.tasks()
                .submit(NewTask.builder("build the UI", "coder")
                        .dependsOn(design)
                        .parentTaskId(plan)
                        .build());
        TaskId ship = db.tasks()
                .submit(NewTask.builder("ship it", "releaser")
                        .dependsOn(api, ui)
                        .build());
        TaskId flaky = db.tasks()
                .submit(NewTask.builder("a flaky step", "tester")
                        .priority(10)
                        .maxRetries(0)
                        .build());
        List<Claimed> claimed = db.queue().claim("seed-worker", 1, Duration.ofMinutes(5));
        db.queue().fail(claimed.getFirst().lease(), "boom <b>not bold</b>");
        TaskId xss = db.tasks()
                .submit(NewTask.builder(XSS_SUMMARY, "reviewer")
                        .description("<script>alert('description')</script>")
                        .priority(0)
                        .build());
        for (int i = 1; i <= PAGING_TASKS; i++) {
            db.tasks()
                    .submit(NewTask.builder("paged task " + i, PAGING_AGENT)
                            .priority(1)
                            .featureBranch(BRANCH)
                            .build());
        }
        db.sessions().append(session, "started", Json.of("{\"by\": \"planner\"}"));
        db.sessions().append(session, "note", Json.of("{\"text\": \"<script>alert('event')</script>\"}"));
        db.sessions().append(session, "checkpoint", Json.of("{\"step\": 2}"));
        db.agents().register("coder", "coder-1", Json.of("{\"languages\": [\"java\"]}"));
        db.agents().register("reviewer", "<i>reviewer</i>", Json.of("{}"));
        db.memory().put(NAMESPACE, "notes", Json.of("{\"v\": 1}"));
        db.memory().put(NAMESPACE, "notes", Json.of("{\"v\": 2}"));
        db.memory().put(NAMESPACE, XSS_KEY, Json.of("\"<script>alert('memory')</script>\""));
        Claimed running = db.queue().claim(WORKER, 1, Duration.ofHours(1)).getFirst();
        if (!running.task().id().equals(design)) {
            throw new IllegalStateException("claimed " + running.task().id() + ", expected " + design);
        }
        return new SeededData(plan, design, ship, xss, flaky, session);
    }

    private static void complete(Stratum db, TaskId expected) {
        Claimed claimed =
                db.queue().claim("seed-worker", 1, Duration.ofMinutes(5)).getFirst();
        if (!claimed.task().id().equals(expected)) {
            throw new IllegalStateException("claimed " + claimed.task().id() + ", expected " + expected);
        }
        db.queue().complete(claimed.lease(), Json.of("{\"ok\": true}"));
    }
}
