package io.stratum.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stratum.Stratum;
import io.stratum.testkit.tck.ScratchDatabases;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JSON endpoints on one seeded database per class, through a dashboard listening on a free port; run on each
 * backend by a thin subclass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DashboardApiContract {
    private final String testDatabaseService;
    private ScratchDatabases databases;
    private Stratum db;
    private Dashboard dashboard;
    private SeededData seeded;
    private DashboardClient client;

    DashboardApiContract(String testDatabaseService) {
        this.testDatabaseService = testDatabaseService;
    }

    @BeforeAll
    void start() {
        databases = ScratchDatabases.of(testDatabaseService);
        db = Stratum.open(databases.freshUrl());
        db.migrate();
        seeded = SeededData.seed(db);
        dashboard =
                Dashboard.start(db, new InetSocketAddress("127.0.0.1", 0), "jdbc:postgresql://db/x?password=s3cret");
        client = new DashboardClient(dashboard.uri());
    }

    @AfterAll
    void stop() {
        if (dashboard != null) {
            dashboard.close();
        }
        if (db != null) {
            db.close();
        }
        if (databases != null) {
            databases.close();
        }
    }

    @Test
    void overviewHasTheQueueStatsAndMasksThePassword() {
        JsonNode overview = client.json("/api/overview");
        JsonNode active = overview.get("active");
        assertThat(active.get("pending").asLong()).isEqualTo(SeededData.PENDING_TASKS);
        assertThat(active.get("ready").asLong()).isEqualTo(SeededData.READY_TASKS);
        assertThat(active.get("running").asLong()).isEqualTo(SeededData.RUNNING_TASKS);
        assertThat(active.get("blocked").asLong()).isZero();
        assertThat(overview.get("runningByWorker").get(0).get("worker").asText())
                .isEqualTo(SeededData.WORKER);
        assertThat(overview.get("runningByWorker").get(0).get("running").asLong())
                .isEqualTo(1);
        assertThat(overview.get("failed").asLong()).isEqualTo(1);
        assertThat(overview.get("readyDue").asLong()).isEqualTo(SeededData.READY_TASKS);
        assertThat(overview.get("readyDelayed").asLong()).isZero();
        assertThat(overview.get("expiredLeases").asLong()).isZero();
        assertThat(overview.get("windowSeconds").asLong()).isEqualTo(60);
        JsonNode coder = StreamSupport.stream(overview.get("byAgentType").spliterator(), false)
                .filter(row -> row.get("agentType").asText().equals("coder"))
                .findFirst()
                .orElseThrow();
        assertThat(coder.get("counts").get("pending").asLong()).isEqualTo(2);
        assertThat(overview.get("database").asText()).doesNotContain("s3cret").contains("password=***");
    }

    @Test
    void listPagesThroughEveryMatchingTaskByCursor() {
        Set<String> seen = new HashSet<>();
        String path = "/api/tasks?agent=" + SeededData.PAGING_AGENT + "&limit=3";
        JsonNode page = client.json(path);
        int pages = 1;
        assertThat(page.get("total").asLong()).isEqualTo(SeededData.PAGING_TASKS);
        page.get("items").forEach(t -> seen.add(t.get("id").asText()));
        while (!page.get("nextCursor").isNull()) {
            page = client.json(path + "&after=" + encode(page.get("nextCursor").asText()));
            page.get("items").forEach(t -> seen.add(t.get("id").asText()));
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(SeededData.PAGING_TASKS);
    }

    @Test
    void listFiltersAsTheListCommandDoes() {
        assertThat(ids("/api/tasks?status=completed"))
                .containsExactly(seeded.plan().toString());
        assertThat(ids("/api/tasks?status=FAILED"))
                .containsExactly(seeded.flaky().toString());
        assertThat(ids("/api/tasks?session=" + seeded.session()))
                .containsExactlyInAnyOrder(
                        seeded.plan().toString(), seeded.design().toString());
        assertThat(ids("/api/tasks?parent=" + seeded.plan())).hasSize(3);
        assertThat(client.json("/api/tasks?featureBranch=" + encode(SeededData.BRANCH))
                        .get("total")
                        .asLong())
                .isEqualTo(SeededData.PAGING_TASKS + 1);
        assertThat(client.json("/api/tasks?agent=coder&status=pending")
                        .get("total")
                        .asLong())
                .isEqualTo(2);
    }

    @Test
    void taskPageHasItsFieldsAndItsAuditTrail() {
        JsonNode page = client.json("/api/tasks/" + seeded.plan());
        assertThat(page.get("task").get("summary").asText()).isEqualTo("plan the release");
        assertThat(page.get("task").get("status").asText()).isEqualTo("completed");
        assertThat(page.get("task").get("resultData").asText()).contains("\"ok\"");
        assertThat(page.get("task").has("leaseToken")).isFalse();
        assertThat(StreamSupport.stream(page.get("audit").get("items").spliterator(), false)
                        .map(a -> a.get("action").asText()))
                .isNotEmpty()
                .allMatch(action -> action.startsWith("task"));
    }

    @Test
    void graphHasEveryTaskOfTheDiamondFromAnyOfIt() {
        for (var id : new Object[] {seeded.plan(), seeded.design(), seeded.ship()}) {
            JsonNode graph = client.json("/api/tasks/" + id + "/graph");
            assertThat(graph.get("nodes")).hasSize(SeededData.DIAMOND_NODES);
            assertThat(graph.get("edges")).hasSize(SeededData.DIAMOND_EDGES);
            assertThat(graph.get("root").asText()).isEqualTo(id.toString());
        }
        assertThat(client.json("/api/tasks/" + seeded.xss() + "/graph").get("nodes"))
                .hasSize(1);
    }

    @Test
    void storedMarkupComesBackAsJsonTextUnderAStrictPolicy() {
        HttpResponse<String> response = client.get("/api/tasks/" + seeded.xss());
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(DashboardClient.parse(response.body())
                        .get("task")
                        .get("summary")
                        .asText())
                .isEqualTo(SeededData.XSS_SUMMARY);
        HttpResponse<String> page = client.get("/");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(Responses.CONTENT_SECURITY_POLICY);
        assertThat(Responses.CONTENT_SECURITY_POLICY)
                .contains("script-src 'self'")
                .doesNotContain("unsafe");
        assertThat(page.body()).doesNotContain("<script>alert").doesNotContain("onclick=");
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH"})
    void everyMethodButGetAndHeadIsRefused(String method) {
        for (String path : new String[] {"/", "/api/tasks", "/api/tasks/" + seeded.plan(), "/api/nothing"}) {
            HttpResponse<String> response = client.send(method, path);
            assertThat(response.statusCode()).as(method + " " + path).isEqualTo(405);
            assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD");
            assertThat(DashboardClient.parse(response.body()).get("error").asText())
                    .contains("read-only");
        }
        assertThat(db.tasks().require(seeded.plan()).status().dbValue()).isEqualTo("completed");
    }

    @Test
    void unknownTasksSessionsAndEndpointsAre404() {
        assertThat(client.json("/api/tasks/01a24862-0000-7000-8000-000000000000", 404)
                        .get("error")
                        .asText())
                .contains("not found");
        assertThat(client.json("/api/sessions/01a24862-0000-7000-8000-000000000000", 404)
                        .has("error"))
                .isTrue();
        assertThat(client.json("/api/nothing", 404).has("error")).isTrue();
        assertThat(client.json("/nothing.js", 404).has("error")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/tasks?status=nope",
                "/api/tasks?limit=0",
                "/api/tasks?limit=abc",
                "/api/tasks?limit=100000",
                "/api/tasks?after=not-a-cursor",
                "/api/tasks?session=xyz",
                "/api/tasks?parent=123",
                "/api/tasks?colour=red",
                "/api/tasks?status=ready&status=failed",
                "/api/tasks/not-an-id",
                "/api/tasks/not-an-id/graph",
                "/api/overview?x=1",
                "/api/sessions?status=maybe",
                "/api/sessions/nope",
                "/api/agents?limit=-1",
                "/api/memory/entries",
                "/api/memory/versions?namespace=release",
                "/api/memory/entries?namespace=release&after=%25zz"
            })
    void badParametersAre400WithAJsonError(String path) {
        JsonNode error = client.json(path, 400);
        assertThat(error.get("error").asText()).isNotBlank();
    }

    @Test
    void sessionsHaveTheirEvents() {
        JsonNode sessions = client.json("/api/sessions");
        assertThat(sessions.get("items")).hasSize(1);
        JsonNode session = client.json("/api/sessions/" + seeded.session());
        assertThat(session.get("session").get("name").asText()).isEqualTo("release session");
        assertThat(session.get("events").get("items")).hasSize(SeededData.SESSION_EVENTS);
        assertThat(session.get("events").get("items").get(1).get("payload").asText())
                .contains("<script>alert('event')</script>");
        JsonNode firstTwo = client.json("/api/sessions/" + seeded.session() + "?limit=2");
        assertThat(firstTwo.get("events").get("items")).hasSize(2);
        assertThat(firstTwo.get("events").get("nextCursor").isNull()).isFalse();
    }

    @Test
    void agentsAreListed() {
        JsonNode agents = client.json("/api/agents");
        assertThat(agents.get("items")).hasSize(SeededData.AGENTS);
        assertThat(client.json("/api/agents?status=terminated").get("items")).isEmpty();
    }

    @Test
    void memoryHasNamespacesKeysAndVersions() {
        JsonNode namespaces = client.json("/api/memory/namespaces");
        assertThat(namespaces.get("items")).hasSize(1);
        assertThat(namespaces.get("items").get(0).get("namespace").asText()).isEqualTo(SeededData.NAMESPACE);
        assertThat(namespaces.get("items").get(0).get("keys").asLong()).isEqualTo(2);
        JsonNode entries = client.json("/api/memory/entries?namespace=" + SeededData.NAMESPACE);
        assertThat(entries.get("items")).hasSize(2);
        JsonNode versions = client.json("/api/memory/versions?namespace=" + SeededData.NAMESPACE + "&key=notes");
        assertThat(versions.get("items")).hasSize(2);
        assertThat(versions.get("items").get(1).get("value").asText()).contains("2");
        JsonNode markupKey = client.json(
                "/api/memory/versions?namespace=" + SeededData.NAMESPACE + "&key=" + encode(SeededData.XSS_KEY));
        assertThat(markupKey.get("items").get(0).get("key").asText()).isEqualTo(SeededData.XSS_KEY);
    }

    @Test
    void headAnswersWithoutABody() {
        HttpResponse<String> response = client.send("HEAD", "/api/overview");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
    }

    private Set<String> ids(String path) {
        Set<String> ids = new HashSet<>();
        client.json(path).get("items").forEach(t -> ids.add(t.get("id").asText()));
        return ids;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
