package io.stratum.internal.schema;

import liquibase.exception.MigrationFailedException;

/** Liquibase's failures in one line each, as a command line user sees them. */
final class FailureLines {
    private FailureLines() {}

    /**
     * One line for a failure: the first line of its root cause (the database's own error), preceded by the
     * changeset that failed when Liquibase names one. Liquibase's messages span lines, and only a first line
     * reaches a command line user.
     */
    static String rootMessage(Throwable e) {
        String changeSet = null;
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (changeSet == null && t instanceof MigrationFailedException) {
                String first = firstLine(t.getMessage());
                int at = first.indexOf("changeset ");
                changeSet = at < 0
                        ? null
                        : first.substring(at + "changeset ".length()).replaceAll(":$", "");
            }
            root = t;
        }
        String message = root.getMessage() != null ? firstLine(root.getMessage()) : "no reason given";
        return changeSet == null ? message : "changeset " + changeSet + ": " + message;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        return text.strip().lines().findFirst().orElse("").strip();
    }
}
