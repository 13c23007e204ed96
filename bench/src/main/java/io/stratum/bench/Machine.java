package io.stratum.bench;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** What the numbers were measured on: they only compare with numbers from the same machine and run. */
record Machine(
        int cores,
        String jdk,
        String os,
        long maxHeapMiB,
        String postgres,
        String mariadb,
        String sqlite,
        String loadBefore) {

    static Machine describe(Options options) {
        Runtime runtime = Runtime.getRuntime();
        return new Machine(
                runtime.availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                runtime.maxMemory() >> 20,
                serverVersion(options, BackendKind.POSTGRESQL, "SHOW server_version"),
                serverVersion(options, BackendKind.MARIADB, "SELECT VERSION()"),
                query("jdbc:sqlite::memory:", "SELECT sqlite_version()") + " (sqlite-jdbc "
                        + org.sqlite.SQLiteJDBCLoader.getVersion() + ")",
                loadAverage());
    }

    private static String serverVersion(Options options, BackendKind kind, String sql) {
        return options.uses(kind) ? query(options.serverUrl(kind), sql) : "not used";
    }

    static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", load);
    }

    Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("cores", Integer.toString(cores));
        map.put("jdk", jdk);
        map.put("os", os);
        map.put("maxHeapMiB", Long.toString(maxHeapMiB));
        map.put("postgresql", postgres);
        map.put("mariadb", mariadb);
        map.put("sqlite", sqlite);
        map.put("loadAverageAtStart", loadBefore);
        map.put("loadAverageAtEnd", loadAverage());
        return map;
    }

    String summary() {
        return String.format(
                Locale.ROOT,
                "%d cores, %s, %s, heap %d MiB, PostgreSQL %s, MariaDB %s, SQLite %s, load %s",
                cores,
                jdk,
                os,
                maxHeapMiB,
                postgres,
                mariadb,
                sqlite,
                loadBefore);
    }

    private static String query(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            return "unavailable (" + e.getMessage() + ")";
        }
    }
}
