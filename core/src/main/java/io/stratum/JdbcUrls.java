package io.stratum;

import java.util.regex.Pattern;

/**
 * JDBC URL helpers: {@link #redact} makes a URL safe to print (passwords, in any of the usual spellings, become
 * {@code ***}); {@link #withDatabase} points a server URL at another database on the same server.
 */
public final class JdbcUrls {
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)((?:password|passwd|pwd|sslpassword)=)[^&;]*");
    /** A word that ends with {@code @}: what is left of a user-info when a driver quotes it without {@code //}. */
    private static final Pattern USER_INFO_TAIL = Pattern.compile("\\S+@");

    private JdbcUrls() {}

    /**
     * The URL with every password value masked, in a parameter ({@code password=}, {@code pwd=}, ...) and in the
     * user-info of every authority ({@code //user:password@host}, also where the password holds {@code @},
     * {@code /} or {@code :}); null stays null.
     */
    public static String redact(String url) {
        if (url == null) {
            return null;
        }
        return maskUserInfo(PASSWORD_PARAM.matcher(url).replaceAll("$1***"));
    }

    /**
     * {@code text}, {@link #redact redacted}, with each word that ends in {@code @} masked too: for a driver's message
     * that quotes part of a URL's user-info without its {@code //} (Connector/J reads {@code user:pw@host} as host
     * {@code user} and port {@code pw@host}); null stays null.
     */
    public static String redactUserInfo(String text) {
        return text == null ? null : USER_INFO_TAIL.matcher(redact(text)).replaceAll("***@");
    }

    /**
     * Whether {@code url} carries a password in user-info form ({@code //user:password@host}), which no JDBC driver
     * of Stratum's backends reads (pgjdbc and Connector/J take {@code password} as the port).
     */
    static boolean hasUserInfoPassword(String url) {
        return url != null && userInfo(url, url.indexOf("//")) != null;
    }

    private static String maskUserInfo(String url) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (int start = url.indexOf("//"); start >= 0; start = url.indexOf("//", from)) {
            int[] password = userInfo(url, start);
            if (password == null) {
                out.append(url, from, start + 2);
                from = start + 2;
            } else {
                out.append(url, from, password[0]).append("***");
                from = password[1];
            }
        }
        return out.append(url.substring(from)).toString();
    }

    /**
     * The bounds {@code [start, end)} of the password in the user-info of the authority at {@code slashes} (the
     * index of its {@code //}), or null when it has none. The user-info ends at the last {@code @} before the query
     * ({@code ?}) and before any blank (a URL quoted in a message or a stack trace ends there), so a password may
     * hold {@code @} or {@code /}; the password starts after the user's {@code :}.
     */
    private static int[] userInfo(String url, int slashes) {
        if (slashes < 0) {
            return null;
        }
        int authority = slashes + 2;
        int end = authority;
        while (end < url.length() && url.charAt(end) != '?' && !Character.isWhitespace(url.charAt(end))) {
            end++;
        }
        int at = url.lastIndexOf('@', end - 1);
        if (at < authority) {
            return null;
        }
        int colon = url.indexOf(':', authority);
        if (colon < 0 || colon > at || url.substring(authority, colon).contains("/")) {
            return null;
        }
        return new int[] {colon + 1, at};
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
