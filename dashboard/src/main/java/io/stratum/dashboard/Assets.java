package io.stratum.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** The page, its script and its style sheet, read from the jar once. */
final class Assets {
    private static final Map<String, String> TYPES = Map.of(
            "/", "text/html; charset=utf-8",
            "/app.js", "text/javascript; charset=utf-8",
            "/app.css", "text/css; charset=utf-8");

    private final Map<String, byte[]> bodies;

    private Assets(Map<String, byte[]> bodies) {
        this.bodies = bodies;
    }

    static Assets load() {
        return new Assets(Map.of(
                "/", read("index.html"),
                "/app.js", read("app.js"),
                "/app.css", read("app.css")));
    }

    /** The body served at {@code path}, or null when there is no asset there. */
    byte[] body(String path) {
        return bodies.get(path);
    }

    String type(String path) {
        return TYPES.get(path);
    }

    private static byte[] read(String name) {
        try (InputStream in = Assets.class.getResourceAsStream("assets/" + name)) {
            if (in == null) {
                throw new IllegalStateException("dashboard asset " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
