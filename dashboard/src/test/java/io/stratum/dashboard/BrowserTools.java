package io.stratum.dashboard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where the browser tests find chromium, node and playwright-core ({@code scripts/browser-setup} installs them),
 * and whether their absence skips the tests or, with {@code STRATUM_TEST_REQUIRE_BROWSER=true}, fails them.
 */
record BrowserTools(Path chromium, Path node, Path playwrightCore) {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    static BrowserTools find(Map<String, String> env) {
        Path node = onPath(env, "node");
        String cache = env.get("STRATUM_BROWSER_CACHE");
        if (cache == null || cache.isBlank()) {
            String xdg = env.get("XDG_CACHE_HOME");
            Path base =
                    xdg == null || xdg.isBlank() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(xdg);
            cache = base.resolve("stratum").resolve("browser").toString();
        }
        return new BrowserTools(CHROMIUM, node, Path.of(cache));
    }

    /** What is missing, one item each; empty when the tests can run. */
    List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(chromium)) {
            missing.add(chromium + " (Debian's chromium)");
        }
        if (node == null) {
            missing.add("node on the PATH");
        }
        if (!Files.isRegularFile(playwrightCore
                .resolve("node_modules")
                .resolve("playwright-core")
                .resolve("package.json"))) {
            missing.add("playwright-core in " + playwrightCore);
        }
        return missing;
    }

    static boolean required(Map<String, String> env) {
        return "true".equalsIgnoreCase(env.getOrDefault("STRATUM_TEST_REQUIRE_BROWSER", ""))
                || Boolean.getBoolean("stratum.test.require.browser");
    }

    private static Path onPath(Map<String, String> env, String name) {
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name);
            }
        }
        return null;
    }
}
