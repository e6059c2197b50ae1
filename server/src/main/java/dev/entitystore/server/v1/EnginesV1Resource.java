package dev.entitystore.server.v1;

import dev.entitystore.api.EnginesV1Api;
import dev.entitystore.api.model.V1EnableEntityStoreRequest;
import dev.entitystore.api.model.V1EngineEntityType;
import dev.entitystore.api.model.V1InitEngineRequest;
import dev.entitystore.api.model.V1StartEngineRequest;
import dev.entitystore.server.error.HttpErrorException;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** EnginesV1Api: routes whose behaviour a later issue builds answer 501 until then. */
public final class EnginesV1Resource implements EnginesV1Api {
    @Override
    public Response v1ApplyDataviewIndices(String kbnXsrf) {
        throw HttpErrorException.notImplemented("v1ApplyDataviewIndices");
    }

    @Override
    public Response v1DeleteEngine(V1EngineEntityType entityType, String kbnXsrf, Boolean deleteData, Boolean data) {
        throw HttpErrorException.notImplemented("v1DeleteEngine");
    }

    @Override
    public Response v1DeleteEngines(String kbnXsrf, List<String> entityTypes, Boolean deleteData) {
        throw HttpErrorException.notImplemented("v1DeleteEngines");
    }

    @Override
    public Response v1EnableEntityStore(V1EnableEntityStoreRequest v1EnableEntityStoreRequest, String kbnXsrf) {
        throw HttpErrorException.notImplemented("v1EnableEntityStore");
    }

    @Override
    public Response v1GetEngine(V1EngineEntityType entityType) {
        throw HttpErrorException.notImplemented("v1GetEngine");
    }

    @Override
    public Response v1GetEntityStoreStatus(Boolean includeComponents) {
        throw HttpErrorException.notImplemented("v1GetEntityStoreStatus");
    }

    @Override
    public Response v1InitEngine(V1EngineEntityType entityType, V1InitEngineRequest v1InitEngineRequest, String kbnXsrf) {
        throw HttpErrorException.notImplemented("v1InitEngine");
    }

    @Override
    public Response v1ListEngines() {
        throw HttpErrorException.notImplemented("v1ListEngines");
    }

    @Override
    public Response v1StartEngine(V1EngineEntityType entityType, String kbnXsrf, V1StartEngineRequest v1StartEngineRequest) {
        throw HttpErrorException.notImplemented("v1StartEngine");
    }

    @Override
    public Response v1StopEngine(V1EngineEntityType entityType, String kbnXsrf) {
        throw HttpErrorException.notImplemented("v1StopEngine");
    }
}
