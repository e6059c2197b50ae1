package dev.entitystore.server.v2;

import dev.entitystore.api.HistorySnapshotsApi;
import dev.entitystore.api.model.DisableHistorySnapshotRequest;
import dev.entitystore.api.model.OkResponse;
import dev.entitystore.domain.engine.HistorySnapshots;
import dev.entitystore.server.http.SpaceScopedResource;
import jakarta.ws.rs.core.Response;

/** Kibana's history-snapshot switch, per space, over {@link HistorySnapshots}. */
public final class HistorySnapshotsResource extends SpaceScopedResource implements HistorySnapshotsApi {
    private final HistorySnapshots snapshots;

    public HistorySnapshotsResource(HistorySnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @Override
    public Response enableHistorySnapshot(String kbnXsrf) {
        snapshots.enable(space());
        return ok();
    }

    @Override
    public Response disableHistorySnapshot(String kbnXsrf, DisableHistorySnapshotRequest request) {
        snapshots.disable(space(), request != null && Boolean.TRUE.equals(request.getClearHistorySnapshots()));
        return ok();
    }

    private static Response ok() {
        return Response.ok(new OkResponse().ok(true)).build();
    }
}
