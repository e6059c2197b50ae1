package dev.entitystore.server.status;

import dev.entitystore.api.StatusApi;
import jakarta.ws.rs.core.Response;

/** {@code GET /api/status}: answers once the server is serving, which is all readiness means here. */
public final class StatusResource implements StatusApi {
    @Override
    public Response getStatus() {
        return Response.ok(java.util.Map.of("status", "available")).build();
    }
}
