package dev.entitystore.server.observe;

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

    @Override
    public void accept(CompletedRequest request) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        LOG.info(new JsonLogLine()
                .field("time", Instant.now().toString())
                .field("requestId", request.requestId())
                .field("method", request.method())
                .field("route", request.route())
                .field("space", request.space())
                .field("status", request.status())
                .field("durationMs", request.durationNanos() / 1_000_000.0)
                .field("principal", request.principal())
                .field("bytesIn", request.bytesIn())
                .field("bytesOut", request.bytesOut())
                .field("remote", request.remoteAddress())
                .end());
    }
}
