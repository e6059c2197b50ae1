package dev.entitystore.server.observe;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.status.Status;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped {@code logback.xml}: it loads without a warning, and a line carries {@code rid=} only in a request. */
class LogPatternTest {
    @Test
    void the_shipped_configuration_loads_without_warnings_and_marks_request_lines() throws Exception {
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(LogPatternTest.class.getResource("/logback.xml"));

        assertThat(context.getStatusManager().getCopyOfStatusList())
                .allSatisfy(status -> assertThat(status.getLevel()).as(status.getMessage()).isLessThan(Status.WARN));
        ConsoleAppender<?> appender = (ConsoleAppender<?>) context.getLogger("ROOT").getAppender("STDOUT");
        PatternLayoutEncoder encoder = (PatternLayoutEncoder) appender.getEncoder();

        assertThat(line(context, encoder, Map.of(RequestStartFilter.MDC_KEY, "req-1"))).endsWith(" access rid=req-1 - hello\n");
        assertThat(line(context, encoder, Map.of())).endsWith(" access - hello\n");
        context.stop();
    }

    private static String line(LoggerContext context, PatternLayoutEncoder encoder, Map<String, String> mdc) {
        LoggingEvent event = new LoggingEvent("test", context.getLogger("access"), Level.INFO, "hello", null, null);
        event.setMDCPropertyMap(mdc);
        return new String(encoder.encode(event), StandardCharsets.UTF_8);
    }
}
