package io.stratum.internal.statement;

import java.util.ArrayList;
import java.util.List;

/**
 * The parameters in SQL that jOOQ rendered with named parameters ({@code :name}), in the order of their bind values,
 * and the text around them. Quoted text (string literals, quoted identifiers) is skipped, and so is {@code ::}, a
 * cast.
 */
record NamedParameters(List<String> names, List<String> text) {

    static NamedParameters of(String sql) {
        List<String> names = new ArrayList<>();
        List<String> text = new ArrayList<>();
        int from = 0;
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
                    text.add(sql.substring(from, i));
                    names.add(sql.substring(i + 1, end));
                    from = end;
                }
                i = end;
            } else {
                i++;
            }
        }
        text.add(sql.substring(from));
        return new NamedParameters(List.copyOf(names), List.copyOf(text));
    }

    /** The SQL with a {@code ?} for each parameter. */
    String indexed() {
        return String.join("?", text);
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
