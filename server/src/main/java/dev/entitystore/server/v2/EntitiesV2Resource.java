package dev.entitystore.server.v2;

import dev.entitystore.api.EntitiesV2Api;
import dev.entitystore.api.model.BulkUpdateRequest;
import dev.entitystore.api.model.DeleteEntityRequest;
import dev.entitystore.api.model.EntityType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.api.model.SortOrder;
import dev.entitystore.server.error.HttpErrorException;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** EntitiesV2Api: routes whose behaviour a later issue builds answer 501 until then. */
public final class EntitiesV2Resource implements EntitiesV2Api {
    @Override
    public Response bulkUpdateEntities(BulkUpdateRequest bulkUpdateRequest, Boolean force, String kbnXsrf) {
        throw HttpErrorException.notImplemented("bulkUpdateEntities");
    }

    @Override
    public Response createEntity(EntityType entityType, ObjectNode body, String kbnXsrf) {
        throw HttpErrorException.notImplemented("createEntity");
    }

    @Override
    public Response deleteEntity(DeleteEntityRequest deleteEntityRequest, String kbnXsrf) {
        throw HttpErrorException.notImplemented("deleteEntity");
    }

    @Override
    public Response getEntity(EntityType entityType, String entityId) {
        throw HttpErrorException.notImplemented("getEntity");
    }

    @Override
    public Response listEntities(String filter, Integer size, String searchAfter, List<String> source, List<String> fields, Integer page, Integer perPage, String sortField, SortOrder sortOrder, String filterQuery, List<String> entityTypes) {
        throw HttpErrorException.notImplemented("listEntities");
    }

    @Override
    public Response updateEntity(EntityType entityType, ObjectNode body, Boolean force, String kbnXsrf) {
        throw HttpErrorException.notImplemented("updateEntity");
    }
}
