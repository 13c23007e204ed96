package io.stratum;

import java.util.regex.Pattern;

/**
 * JDBC URL helpers: {@link #redact} makes a URL safe to print (passwords, in any of the usual spellings, become
 * {@code ***}); {@link #withDatabase} points a server URL at another database on the same server.
 */
public final class JdbcUrls {
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)((?:password|passwd|pwd|sslpassword)=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/@:?;]+:)[^@/]*@");

    private JdbcUrls() {}

    /** The URL with every password value masked; null stays null. */
    public static String redact(String url) {
        if (url == null) {
            return null;
        }
        String masked = PASSWORD_PARAM.matcher(url).replaceAll("$1***");
        return USER_INFO.matcher(masked).replaceAll("$1***@");
    }

    /**
     * {@code url} naming the database {@code name} on the same server, with the same parameters, for URLs of the form
     * {@code jdbc:<driver>://host[:port][/database][?parameters]} (PostgreSQL, MariaDB).
     *
     * @throws InvalidInput naming {@code url} if it does not have that form
     */
    public static String withDatabase(String url, String name) {
        int hosts = url == null ? -1 : url.indexOf("://");
        if (hosts < 0 || !url.startsWith("jdbc:")) {
            throw new InvalidInput("url", "'" + redact(url) + "' is not of the form jdbc:<driver>://host/database");
        }
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String parameters = query < 0 ? "" : url.substring(query);
        int slash = base.indexOf('/', hosts + 3);
        String server = slash < 0 ? base : base.substring(0, slash);
        return server + "/" + name + parameters;
    }
}
