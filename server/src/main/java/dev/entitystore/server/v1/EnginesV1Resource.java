package dev.entitystore.server.v1;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.api.EnginesV1Api;
import dev.entitystore.api.model.DeletedResponse;
import dev.entitystore.api.model.StoreStatus;
import dev.entitystore.api.model.V1ApplyDataviewIndicesResponse;
import dev.entitystore.api.model.V1DeleteEnginesResponse;
import dev.entitystore.api.model.V1EnableEntityStoreRequest;
import dev.entitystore.api.model.V1EnableEntityStoreResponse;
import dev.entitystore.api.model.V1EngineDataviewChanges;
import dev.entitystore.api.model.V1EngineDataviewUpdateResult;
import dev.entitystore.api.model.V1EngineDescriptor;
import dev.entitystore.api.model.V1EngineEntityType;
import dev.entitystore.api.model.V1EntityStoreStatusResponse;
import dev.entitystore.api.model.V1InitEngineRequest;
import dev.entitystore.api.model.V1ListEnginesResponse;
import dev.entitystore.api.model.V1StartEngineRequest;
import dev.entitystore.api.model.V1StartedResponse;
import dev.entitystore.api.model.V1StoppedResponse;
import dev.entitystore.domain.engine.legacy.LegacyEngineLifecycle;
import dev.entitystore.domain.engine.legacy.LegacyEngineLifecycle.DeletedEngines;
import dev.entitystore.domain.entity.EntityType;
import dev.entitystore.server.http.SpaceScopedResource;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;

/** The legacy (v1) engine routes, over the engine state v2 shares, per space. */
public final class EnginesV1Resource extends SpaceScopedResource implements EnginesV1Api {
    private final LegacyEngineLifecycle engines;
    private final ObjectMapper mapper;
    private final V1EngineAnswers answers;

    public EnginesV1Resource(LegacyEngineLifecycle engines, ObjectMapper mapper) {
        this.engines = engines;
        this.mapper = mapper;
        this.answers = new V1EngineAnswers(mapper);
    }

    @Override
    public Response v1EnableEntityStore(V1EnableEntityStoreRequest request, String kbnXsrf) {
        List<ObjectNode> descriptors = engines.enable(space(), V1EngineTypes.toDomain(request.getEntityTypes()),
                mapper.valueToTree(request));
        return Response.ok(new V1EnableEntityStoreResponse().succeeded(true)
                .engines(answers.descriptors(descriptors))).build();
    }

    @Override
    public Response v1GetEntityStoreStatus(Boolean includeComponents) {
        String space = space();
        LegacyEngineLifecycle.Status status = engines.status(space);
        List<V1EngineDescriptor> descriptors = Boolean.TRUE.equals(includeComponents)
                ? answers.withComponents(space, status.engines())
                : answers.descriptors(status.engines());
        return Response.ok(new V1EntityStoreStatusResponse()
                .status(StoreStatus.fromValue(status.status().wireName())).engines(descriptors)).build();
    }

    @Override
    public Response v1InitEngine(V1EngineEntityType entityType, V1InitEngineRequest request, String kbnXsrf) {
        ObjectNode descriptor = engines.init(space(), V1EngineTypes.toDomain(entityType), mapper.valueToTree(request));
        return Response.ok(answers.descriptor(descriptor)).build();
    }

    /** Kibana's start body ({@code timestampField}) changes nothing here: there is no transform to restart. */
    @Override
    public Response v1StartEngine(V1EngineEntityType entityType, String kbnXsrf, V1StartEngineRequest request) {
        engines.start(space(), V1EngineTypes.toDomain(entityType));
        return Response.ok(new V1StartedResponse().started(true)).build();
    }

    @Override
    public Response v1StopEngine(V1EngineEntityType entityType, String kbnXsrf) {
        engines.stop(space(), V1EngineTypes.toDomain(entityType));
        return Response.ok(new V1StoppedResponse().stopped(true)).build();
    }

    @Override
    public Response v1GetEngine(V1EngineEntityType entityType) {
        return Response.ok(answers.descriptor(engines.get(space(), V1EngineTypes.toDomain(entityType)))).build();
    }

    @Override
    public Response v1ListEngines() {
        List<V1EngineDescriptor> descriptors = answers.descriptors(engines.list(space()));
        return Response.ok(new V1ListEnginesResponse().count(descriptors.size()).engines(descriptors)).build();
    }

    @Override
    public Response v1DeleteEngine(V1EngineEntityType entityType, String kbnXsrf, Boolean deleteData, Boolean data) {
        boolean withData = Boolean.TRUE.equals(deleteData) || Boolean.TRUE.equals(data);
        engines.delete(space(), V1EngineTypes.toDomain(entityType), withData);
        return Response.ok(new DeletedResponse().deleted(true)).build();
    }

    @Override
    public Response v1DeleteEngines(String kbnXsrf, List<String> entityTypes, Boolean deleteData) {
        DeletedEngines answer = engines.deleteMany(space(), V1EngineTypes.fromQuery("entityTypes", entityTypes),
                Boolean.TRUE.equals(deleteData));
        return Response.ok(new V1DeleteEnginesResponse()
                .deleted(wire(answer.deleted())).stillRunning(wire(answer.stillInstalled()))).build();
    }

    /** No data view and no log reading here: every installed engine reports that nothing changed. */
    @Override
    public Response v1ApplyDataviewIndices(String kbnXsrf) {
        List<V1EngineDataviewUpdateResult> result = new ArrayList<>();
        for (ObjectNode descriptor : engines.list(space())) {
            result.add(new V1EngineDataviewUpdateResult().type(descriptor.path("type").asText())
                    .changes(new V1EngineDataviewChanges()));
        }
        return Response.ok(new V1ApplyDataviewIndicesResponse().success(true).result(result)).build();
    }

    private static List<V1EngineEntityType> wire(List<EntityType> types) {
        List<V1EngineEntityType> wire = new ArrayList<>(types.size());
        types.forEach(type -> wire.add(V1EngineEntityType.fromValue(type.wireName())));
        return wire;
    }
}
