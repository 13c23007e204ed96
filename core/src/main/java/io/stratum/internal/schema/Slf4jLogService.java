package io.stratum.internal.schema;

import java.util.logging.Level;
import liquibase.logging.core.AbstractLogService;
import liquibase.logging.core.AbstractLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Liquibase's log, sent to SLF4J under Liquibase's own class names instead of java.util.logging. Liquibase
 * reports every step of every command at INFO (some 90 lines per update, even with nothing to do); that goes to
 * DEBUG here, so that a library user's INFO log holds Stratum's own summary lines. Liquibase's warnings and
 * errors keep their level.
 */
final class Slf4jLogService extends AbstractLogService {
    @Override
    public int getPriority() {
        return PRIORITY_SPECIALIZED;
    }

    @Override
    public liquibase.logging.Logger getLog(Class clazz) {
        return new Forwarder(LoggerFactory.getLogger(clazz));
    }

    private static final class Forwarder extends AbstractLogger {
        private final Logger log;

        Forwarder(Logger log) {
            this.log = log;
        }

        @Override
        public void log(Level level, String message, Throwable e) {
            int value = level.intValue();
            if (level == Level.OFF) {
                return;
            }
            if (value >= Level.SEVERE.intValue()) {
                log.error(filterMessage(message), e);
            } else if (value >= Level.WARNING.intValue()) {
                log.warn(filterMessage(message), e);
            } else if (value >= Level.INFO.intValue()) {
                log.debug(filterMessage(message), e);
            } else if (log.isTraceEnabled()) {
                log.trace(filterMessage(message), e);
            }
        }
    }
}
