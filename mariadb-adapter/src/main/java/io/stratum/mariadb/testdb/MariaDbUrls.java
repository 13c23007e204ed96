package io.stratum.mariadb.testdb;

/** Edits MariaDB JDBC URLs, for tests and tools that create databases next to the one a URL names. */
public final class MariaDbUrls {
    private static final String PREFIX = "jdbc:mariadb://";

    private MariaDbUrls() {}

    /** {@code url} pointing at database {@code name} on the same server, with the same parameters. */
    public static String withDatabase(String url, String name) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String parameters = query < 0 ? "" : url.substring(query);
        int slash = base.indexOf('/', PREFIX.length());
        String server = slash < 0 ? base : base.substring(0, slash);
        return server + "/" + name + parameters;
    }
}
