package dev.entitystore.server.v2;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.api.EnginesV2Api;
import dev.entitystore.api.model.EntityType;
import dev.entitystore.api.model.EntityTypesRequest;
import dev.entitystore.api.model.InstallEntityStoreRequest;
import dev.entitystore.api.model.InstallEntityTypeRequest;
import dev.entitystore.api.model.OkResponse;
import dev.entitystore.api.model.UpdateEntityStoreRequest;
import dev.entitystore.api.model.UpdateEntityTypeRequest;
import dev.entitystore.api.model.HistoryRetentionSettings;
import dev.entitystore.domain.engine.EngineManager;
import dev.entitystore.domain.engine.HistoryRetention;
import dev.entitystore.domain.error.InvalidRequestException;
import dev.entitystore.server.http.SpaceScopedResource;
import dev.entitystore.server.json.ClearedSettings;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;

/** The current (v2) engine routes: install, uninstall, start, stop, settings and status, per space. */
public final class EnginesV2Resource extends SpaceScopedResource implements EnginesV2Api {
    private final EngineManager engines;
    private final HistoryRetention retention;
    private final ObjectMapper mapper;
    private final EngineStatusAnswer statusAnswer;

    public EnginesV2Resource(EngineManager engines, HistoryRetention retention, ObjectMapper mapper) {
        this.engines = engines;
        this.retention = retention;
        this.mapper = mapper;
        this.statusAnswer = new EngineStatusAnswer(mapper);
    }

    @Override
    public Response installEntityStore(String kbnXsrf, InstallEntityStoreRequest request) {
        InstallEntityStoreRequest body = request == null ? new InstallEntityStoreRequest() : request;
        boolean installed = engines.install(space(), EntityTypes.toDomain(body.getEntityTypes()),
                json(body.getLogExtraction()), json(body.getHistorySnapshot()), body.getExcludedUserNames());
        return created(installed);
    }

    @Override
    public Response installEntityStoreByType(EntityType entityType, String kbnXsrf, InstallEntityTypeRequest request) {
        ObjectNode logExtraction = request == null ? null : json(request.getLogExtraction());
        boolean installed = engines.install(space(), List.of(EntityTypes.toDomain(entityType)), logExtraction, null);
        return created(installed);
    }

    @Override
    public Response uninstallEntityStore(String kbnXsrf, EntityTypesRequest request) {
        engines.uninstall(space(), types(request));
        return ok();
    }

    @Override
    public Response uninstallEntityStoreByType(EntityType entityType, String kbnXsrf) {
        engines.uninstall(space(), List.of(EntityTypes.toDomain(entityType)));
        return ok();
    }

    /** Kibana's route file registers uninstall by type as DELETE; the same operation. */
    @Override
    public Response deleteEntityStoreByType(EntityType entityType, String kbnXsrf) {
        return uninstallEntityStoreByType(entityType, kbnXsrf);
    }

    @Override
    public Response startEntityStore(String kbnXsrf, EntityTypesRequest request) {
        engines.start(space(), types(request));
        return ok();
    }

    @Override
    public Response stopEntityStore(String kbnXsrf, EntityTypesRequest request) {
        engines.stop(space(), types(request));
        return ok();
    }

    @Override
    public Response updateEntityStore(UpdateEntityStoreRequest request, String kbnXsrf) {
        HistoryRetentionSettings history = request.getHistory();
        Set<String> clearedHistory = ClearedSettings.ofHistory(request());
        if (request.getLogExtraction() == null && history == null && clearedHistory.isEmpty()) {
            throw new InvalidRequestException("[request body]: logExtraction: Required");
        }
        if (request.getLogExtraction() != null) {
            engines.updateConfig(space(), json(request.getLogExtraction()), ClearedSettings.of(request()));
        }
        if (history != null || !clearedHistory.isEmpty()) {
            retention.configure(space(), history == null ? null : history.getRetentionDays(),
                    history == null ? null : history.getMaxVersionsPerEntity(), clearedHistory);
        }
        return ok();
    }

    @Override
    public Response updateEntityStoreByType(EntityType entityType, UpdateEntityTypeRequest request, String kbnXsrf) {
        engines.updateType(space(), EntityTypes.toDomain(entityType), json(request.getLogExtraction()),
                ClearedSettings.of(request()));
        return ok();
    }

    @Override
    public Response getEntityStoreStatus(Boolean includeComponents) {
        String space = space();
        return Response.ok(statusAnswer.of(space, engines.status(space), Boolean.TRUE.equals(includeComponents))).build();
    }

    private static List<dev.entitystore.domain.entity.EntityType> types(EntityTypesRequest request) {
        return request == null ? List.of() : EntityTypes.toDomain(request.getEntityTypes());
    }

    /** Generated settings models become the JSON the domain validates and stores (unset fields absent). */
    private ObjectNode json(Object settings) {
        return settings == null ? null : mapper.valueToTree(settings);
    }

    private static Response ok() {
        return Response.ok(new OkResponse().ok(true)).build();
    }

    private static Response created(boolean installedAny) {
        return Response.status(installedAny ? 201 : 200).entity(new OkResponse().ok(true)).build();
    }
}
