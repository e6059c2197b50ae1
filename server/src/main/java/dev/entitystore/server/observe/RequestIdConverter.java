package dev.entitystore.server.observe;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %rid} in the log pattern: {@code rid=<id> } for a line written while serving a request, nothing
 * otherwise. The same text as a {@code %replace} of the MDC value, without a regular expression per line.
 */
public final class RequestIdConverter extends ClassicConverter {
    @Override
    public String convert(ILoggingEvent event) {
        String id = event.getMDCPropertyMap().get(RequestStartFilter.MDC_KEY);
        return id == null || id.isEmpty() ? "" : "rid=" + id + " ";
    }
}
