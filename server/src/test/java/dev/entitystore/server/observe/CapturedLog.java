package dev.entitystore.server.observe;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** The lines one logger writes while a test runs. */
final class CapturedLog implements AutoCloseable {
    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Level level;

    CapturedLog(String name) {
        logger = (Logger) LoggerFactory.getLogger(name);
        level = logger.getLevel();
        // The tests' logging configuration shows warnings only; these lines are INFO, as in production.
        logger.setLevel(Level.INFO);
        appender.start();
        logger.addAppender(appender);
    }

    synchronized List<String> lines() {
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** The lines of one request (its id appears in each), waiting briefly: the line follows the answer's bytes. */
    List<String> linesOf(String requestId) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            List<String> lines = lines().stream().filter(line -> line.contains("\"" + requestId + "\"")).toList();
            if (!lines.isEmpty()) {
                return lines;
            }
            Thread.sleep(20);
        }
        return List.of();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(level);
    }
}
