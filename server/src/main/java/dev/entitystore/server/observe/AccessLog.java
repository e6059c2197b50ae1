package dev.entitystore.server.observe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON line per request on the logger {@code access}: time, request id, method, route template,
 * space, status, duration, principal, bytes in and out, remote address. JSON so that a log shipper
 * reads it without a pattern; route templates rather than paths so that ids do not leak into it.
 */
final class AccessLog implements Consumer<CompletedRequest> {
    static final String LOGGER = "access";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void accept(CompletedRequest request) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        ObjectNode line = JSON.createObjectNode();
        line.put("time", Instant.now().toString());
        line.put("requestId", request.requestId());
        line.put("method", request.method());
        line.put("route", request.route());
        line.put("space", request.space());
        line.put("status", request.status());
        line.put("durationMs", request.durationNanos() / 1_000_000.0);
        line.put("principal", request.principal());
        line.put("bytesIn", request.bytesIn());
        line.put("bytesOut", request.bytesOut());
        line.put("remote", request.remoteAddress());
        LOG.info(line.toString());
    }
}
