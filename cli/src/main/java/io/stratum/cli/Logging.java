package io.stratum.cli;

import java.util.logging.Level;
import java.util.logging.LogManager;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Logging for the command line: slf4j-simple on stderr, warnings only unless {@code --verbose}. Stratum hands
 * Liquibase's log to SLF4J; it is shown with {@code --verbose} only, since whatever goes wrong in Liquibase
 * reaches the user as the command's one error line. Anything else that logs through java.util.logging is
 * routed into SLF4J here so that it obeys the same level.
 */
final class Logging {
    private Logging() {}

    /** Must run before the first logger is created: slf4j-simple reads its settings once. */
    static void configure(boolean verbose) {
        String level = verbose ? "info" : "warn";
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level);
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        System.setProperty("org.slf4j.simpleLogger.showShortLogName", "true");
        System.setProperty("org.slf4j.simpleLogger.levelInBrackets", "true");
        // jOOQ's open-source edition warns on the first query against a PostgreSQL older than the releases it
        // lists as supported; a command line user can do nothing about that, so it is shown with --verbose only.
        System.setProperty(
                "org.slf4j.simpleLogger.log.org.jooq.impl.DefaultExecuteContext.logVersionSupport",
                verbose ? "warn" : "error");
        System.setProperty("org.slf4j.simpleLogger.log.liquibase", verbose ? level : "off");
        System.setProperty("liquibase.analytics.enabled", "false");
        LogManager.getLogManager().reset();
        SLF4JBridgeHandler.install();
        // JUL filters before the bridge sees a record: without this every fine-grained Liquibase record
        // would be built and handed to SLF4J only to be dropped there.
        java.util.logging.Logger.getLogger("").setLevel(verbose ? Level.INFO : Level.WARNING);
    }
}
