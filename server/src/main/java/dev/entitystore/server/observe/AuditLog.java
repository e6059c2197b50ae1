package dev.entitystore.server.observe;

import dev.entitystore.server.auth.KibanaPrivileges;
import java.time.Instant;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The security-relevant requests, one JSON line each on the logger {@code audit}, always on: failed
 * authentication (401), refused authorization (403 of the route privileges, the credential's spaces or the
 * user-profile privileges),
 * and every attempt to change engines or the installation (install, uninstall, start, stop, configure,
 * the legacy engine routes), with who, where and how it ended.
 */
final class AuditLog implements Consumer<CompletedRequest> {
    static final String LOGGER = "audit";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    @Override
    public void accept(CompletedRequest request) {
        String event = event(request);
        if (event == null) {
            return;
        }
        JsonLogLine line = new JsonLogLine()
                .field("time", Instant.now().toString())
                .field("event", event)
                .field("outcome", request.status() < 400 ? "success" : "failure")
                .field("requestId", request.requestId())
                .field("principal", request.principal())
                .field("remote", request.remoteAddress())
                .field("method", request.method())
                .field("route", request.route())
                .field("operation", request.operation())
                .field("space", request.space())
                .field("status", request.status());
        if (request.status() == 401) {
            line.field("reason", request.credentialsPresented() ? "credentials rejected" : "no credentials");
        }
        LOG.info(line.end());
    }

    private static String event(CompletedRequest request) {
        if (request.status() == 401) {
            return "authentication_failed";
        }
        // The route privileges' 403 is flagged by their filter; the user-profile routes refuse in the route itself.
        if (request.denied() || request.status() == 403) {
            return "authorization_denied";
        }
        if (!request.operation().isEmpty()
                && KibanaPrivileges.requiredFor(request.operation()).contains(KibanaPrivileges.ENTITY_STORE_MANAGE)) {
            return "engine_change";
        }
        return null;
    }
}
