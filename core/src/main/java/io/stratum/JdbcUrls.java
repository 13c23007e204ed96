package io.stratum;

import java.util.regex.Pattern;

/** Makes JDBC URLs safe to print: passwords, in any of the usual spellings, are replaced by {@code ***}. */
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
}
