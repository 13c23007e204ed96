package io.stratum.internal.statement;

import java.util.ArrayList;
import java.util.List;

/**
 * The names of the parameters in SQL that jOOQ rendered with named parameters ({@code :name}), in the order of
 * their bind values. Quoted text (string literals, quoted identifiers) is skipped, and so is {@code ::}, a cast.
 */
final class NamedParameters {
    private NamedParameters() {}

    static List<String> inOrder(String sql) {
        List<String> names = new ArrayList<>();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = sql.indexOf(c, i + 1);
                if (i < 0) {
                    throw new IllegalArgumentException("unterminated quote in " + sql);
                }
                i++;
            } else if (c == ':' && i + 1 < sql.length() && sql.charAt(i + 1) == ':') {
                i += 2;
            } else if (c == ':') {
                int end = i + 1;
                while (end < sql.length() && isNamePart(sql.charAt(end))) {
                    end++;
                }
                if (end > i + 1) {
                    names.add(sql.substring(i + 1, end));
                }
                i = end;
            } else {
                i++;
            }
        }
        return names;
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
