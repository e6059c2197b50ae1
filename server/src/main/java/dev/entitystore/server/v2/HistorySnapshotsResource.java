package dev.entitystore.server.v2;

import dev.entitystore.api.HistorySnapshotsApi;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.api.model.DisableHistorySnapshotRequest;
import dev.entitystore.api.model.HistorySnapshotCadenceRequest;
import dev.entitystore.api.model.OkResponse;
import dev.entitystore.api.model.PruneHistoryResponse;
import dev.entitystore.domain.engine.EngineManager;
import dev.entitystore.domain.engine.HistoryRetention;
import dev.entitystore.domain.engine.HistorySnapshots;
import dev.entitystore.domain.error.EntityNotFoundException;
import dev.entitystore.domain.error.InvalidRequestException;
import dev.entitystore.domain.write.ServerTimestamp;
import dev.entitystore.server.http.SpaceScopedResource;
import jakarta.ws.rs.core.Response;

/**
 * Kibana's history-snapshot switch and its internal routes (take one now, change the cadence), per space, over
 * {@link HistorySnapshots}; and the history's pruning on demand.
 */
public final class HistorySnapshotsResource extends SpaceScopedResource implements HistorySnapshotsApi {
    private final HistorySnapshots snapshots;
    private final HistoryRetention retention;
    private final EngineManager engines;

    public HistorySnapshotsResource(HistorySnapshots snapshots, HistoryRetention retention, EngineManager engines) {
        this.snapshots = snapshots;
        this.retention = retention;
        this.engines = engines;
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

    @Override
    public Response forceHistorySnapshot(String kbnXsrf) {
        String space = space();
        HistorySnapshots.Forced forced = snapshots.force(space);
        ObjectNode answer = JsonNodeFactory.instance.objectNode().put("ok", true);
        if (forced.at().isEmpty()) {
            return Response.ok(answer.put("skipped", true)).build();
        }
        answer.put("historySnapshotIndex", forced.indexName(space)).put("docCount", forced.docCount()).put("resetCount", 0)
                .put("@timestamp", ServerTimestamp.format(forced.at().get()));
        return Response.ok(answer).build();
    }

    @Override
    public Response updateHistorySnapshotCadence(HistorySnapshotCadenceRequest request, String kbnXsrf) {
        if (request == null) {
            throw new InvalidRequestException("[request body]: Expected object, received null");
        }
        snapshots.changeCadence(space(), request.getFrequency(), request.getTimezone());
        return ok();
    }

    @Override
    public Response pruneEntityHistory(String kbnXsrf) {
        String space = space();
        if (!engines.isInstalled(space)) {
            throw new EntityNotFoundException(EngineManager.CONFIG_NOT_INSTALLED);
        }
        return Response.ok(new PruneHistoryResponse().ok(true).pruned(retention.prune(space))).build();
    }

    private static Response ok() {
        return Response.ok(new OkResponse().ok(true)).build();
    }
}
