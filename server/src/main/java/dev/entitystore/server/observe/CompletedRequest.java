package dev.entitystore.server.observe;

/**
 * One answered request, as the access log, the audit log and the metrics see it.
 *
 * @param route      the matched route template ({@code /api/security/entity_store/entities/{entityType}}),
 *                   never the raw path, so that metrics stay bounded; {@code UNMATCHED} when no route matched
 * @param operation  the contract's operationId, empty when no route matched
 * @param principal  who the caller authenticated as, {@code anonymous} without credentials
 * @param bytesIn    request body bytes read
 */
public record CompletedRequest(String requestId, String method, String route, String operation, String space,
                               int status, long durationNanos, String principal, boolean credentialsPresented,
                               boolean denied, long bytesIn, long bytesOut, String remoteAddress) {
    public static final String UNMATCHED = "UNMATCHED";
}
