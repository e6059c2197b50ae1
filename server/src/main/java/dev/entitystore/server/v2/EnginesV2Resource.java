package dev.entitystore.server.v2;

import dev.entitystore.api.EnginesV2Api;
import dev.entitystore.api.model.EntityType;
import dev.entitystore.api.model.EntityTypesRequest;
import dev.entitystore.api.model.InstallEntityStoreRequest;
import dev.entitystore.api.model.InstallEntityTypeRequest;
import dev.entitystore.api.model.UpdateEntityStoreRequest;
import dev.entitystore.api.model.UpdateEntityTypeRequest;
import dev.entitystore.server.error.HttpErrorException;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** EnginesV2Api: routes whose behaviour a later issue builds answer 501 until then. */
public final class EnginesV2Resource implements EnginesV2Api {
    @Override
    public Response getEntityStoreStatus(Boolean includeComponents) {
        throw HttpErrorException.notImplemented("getEntityStoreStatus");
    }

    @Override
    public Response installEntityStore(String kbnXsrf, InstallEntityStoreRequest installEntityStoreRequest) {
        throw HttpErrorException.notImplemented("installEntityStore");
    }

    @Override
    public Response installEntityStoreByType(EntityType entityType, String kbnXsrf, InstallEntityTypeRequest installEntityTypeRequest) {
        throw HttpErrorException.notImplemented("installEntityStoreByType");
    }

    @Override
    public Response startEntityStore(String kbnXsrf, EntityTypesRequest entityTypesRequest) {
        throw HttpErrorException.notImplemented("startEntityStore");
    }

    @Override
    public Response stopEntityStore(String kbnXsrf, EntityTypesRequest entityTypesRequest) {
        throw HttpErrorException.notImplemented("stopEntityStore");
    }

    @Override
    public Response uninstallEntityStore(String kbnXsrf, EntityTypesRequest entityTypesRequest) {
        throw HttpErrorException.notImplemented("uninstallEntityStore");
    }

    @Override
    public Response uninstallEntityStoreByType(EntityType entityType, String kbnXsrf) {
        throw HttpErrorException.notImplemented("uninstallEntityStoreByType");
    }

    @Override
    public Response updateEntityStore(UpdateEntityStoreRequest updateEntityStoreRequest, String kbnXsrf) {
        throw HttpErrorException.notImplemented("updateEntityStore");
    }

    @Override
    public Response updateEntityStoreByType(EntityType entityType, UpdateEntityTypeRequest updateEntityTypeRequest, String kbnXsrf) {
        throw HttpErrorException.notImplemented("updateEntityStoreByType");
    }
}
