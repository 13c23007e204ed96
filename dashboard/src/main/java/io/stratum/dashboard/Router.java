package io.stratum.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.stratum.InvalidInput;
import io.stratum.NotFound;
import io.stratum.Stratum;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each request to its endpoint: assets at {@code /}, {@code /app.js} and {@code /app.css}, JSON under
 * {@code /api/}. Only GET and HEAD are answered; every other method gets 405.
 */
final class Router implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    /** An endpoint: its path pattern ({@code *} matches one segment) and what answers it. */
    private record Route(String[] pattern, Endpoint endpoint) {
        /** The segments {@code *} matched, or null when {@code path} does not match. */
        List<String> match(String[] path) {
            if (path.length != pattern.length) {
                return null;
            }
            List<String> captured = new ArrayList<>();
            for (int i = 0; i < path.length; i++) {
                if (pattern[i].equals("*")) {
                    captured.add(path[i]);
                } else if (!pattern[i].equals(path[i])) {
                    return null;
                }
            }
            return captured;
        }
    }

    /** Answers one JSON endpoint: the path segments its pattern captured and the request URI in, a JSON value out. */
    @FunctionalInterface
    interface Endpoint {
        Object answer(List<String> captured, URI uri);
    }

    private final Assets assets;
    private final List<Route> routes = new ArrayList<>();

    private Router(Assets assets) {
        this.assets = assets;
    }

    static Router of(Stratum db, String shownUrl) {
        Router router = new Router(Assets.load());
        OverviewApi overview = new OverviewApi(db, shownUrl);
        TasksApi tasks = new TasksApi(db);
        SessionsApi sessions = new SessionsApi(db);
        MemoryApi memory = new MemoryApi(db);
        AgentsApi agents = new AgentsApi(db);
        router.route("/api/overview", (captured, uri) -> overview.overview(uri));
        router.route("/api/tasks", (captured, uri) -> tasks.list(uri));
        router.route("/api/tasks/*", (captured, uri) -> tasks.task(captured.get(0), uri));
        router.route("/api/tasks/*/graph", (captured, uri) -> tasks.graph(captured.get(0), uri));
        router.route("/api/sessions", (captured, uri) -> sessions.list(uri));
        router.route("/api/sessions/*", (captured, uri) -> sessions.session(captured.get(0), uri));
        router.route("/api/agents", (captured, uri) -> agents.list(uri));
        router.route("/api/memory/namespaces", (captured, uri) -> memory.namespaces(uri));
        router.route("/api/memory/entries", (captured, uri) -> memory.entries(uri));
        router.route("/api/memory/versions", (captured, uri) -> memory.versions(uri));
        return router;
    }

    private void route(String pattern, Endpoint endpoint) {
        routes.add(new Route(segments(pattern), endpoint));
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                Responses.error(exchange, 405, "the dashboard is read-only: " + method + " is not allowed");
                return;
            }
            URI uri = exchange.getRequestURI();
            String path = uri.getPath();
            if (!path.startsWith("/api/")) {
                byte[] body = assets.body(path);
                if (body == null) {
                    Responses.error(exchange, 404, "no page at " + path);
                } else {
                    Responses.send(exchange, 200, assets.type(path), body);
                }
                return;
            }
            answer(exchange, uri);
        }
    }

    private void answer(HttpExchange exchange, URI uri) throws IOException {
        String[] path = segments(uri.getPath());
        for (Route route : routes) {
            List<String> captured = route.match(path);
            if (captured != null) {
                answer(exchange, route, captured, uri);
                return;
            }
        }
        Responses.error(exchange, 404, "no endpoint at " + uri.getPath());
    }

    private static void answer(HttpExchange exchange, Route route, List<String> captured, URI uri) throws IOException {
        Object body;
        try {
            body = route.endpoint().answer(captured, uri);
        } catch (ApiError e) {
            Responses.error(exchange, e.status(), e.getMessage());
            return;
        } catch (NotFound e) {
            Responses.error(exchange, 404, e.getMessage());
            return;
        } catch (InvalidInput e) {
            Responses.error(exchange, 400, e.getMessage());
            return;
        } catch (RuntimeException e) {
            LOG.warn("dashboard request {} failed", uri.getPath(), e);
            Responses.error(exchange, 500, "the request failed; the server log has the details");
            return;
        }
        Responses.json(exchange, 200, body);
    }

    private static String[] segments(String path) {
        String trimmed = path.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/");
    }
}
