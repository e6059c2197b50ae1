package dev.entitystore.server.v1;

import dev.entitystore.api.EntitiesV1Api;
import dev.entitystore.api.model.EntityType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.api.model.SortOrder;
import dev.entitystore.api.model.V1BulkUpsertRequest;
import dev.entitystore.api.model.V1DeleteEntityRequest;
import dev.entitystore.domain.list.EntityListing;
import dev.entitystore.domain.list.ListAnswer;
import dev.entitystore.server.error.HttpErrorException;
import dev.entitystore.server.http.SpaceScopedResource;
import dev.entitystore.server.v2.ListAnswers;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** EntitiesV1Api: routes whose behaviour a later issue builds answer 501 until then. */
public final class EntitiesV1Resource extends SpaceScopedResource implements EntitiesV1Api {
    private final EntityListing listing;

    public EntitiesV1Resource(EntityListing listing) {
        this.listing = listing;
    }

    @Override
    public Response v1BulkUpsertEntities(V1BulkUpsertRequest v1BulkUpsertRequest, Boolean force, String kbnXsrf) {
        throw HttpErrorException.notImplemented("v1BulkUpsertEntities");
    }

    @Override
    public Response v1BulkUpsertEntitiesPost(V1BulkUpsertRequest v1BulkUpsertRequest, Boolean force, String kbnXsrf) {
        throw HttpErrorException.notImplemented("v1BulkUpsertEntitiesPost");
    }

    @Override
    public Response v1DeleteEntity(EntityType entityType, V1DeleteEntityRequest v1DeleteEntityRequest, String kbnXsrf) {
        throw HttpErrorException.notImplemented("v1DeleteEntity");
    }

    @Override
    public Response v1ListEntities(List<String> entityTypes, String sortField, SortOrder sortOrder, Integer page, Integer perPage, String filterQuery) {
        ListAnswer.Page answer = listing.listLegacy(space(), entityTypes, sortField,
                sortOrder == null ? null : sortOrder.toString(), page, perPage, filterQuery);
        return Response.ok(ListAnswers.toJson(answer)).build();
    }

    @Override
    public Response v1UpsertEntity(EntityType entityType, ObjectNode body, Boolean force, String kbnXsrf) {
        throw HttpErrorException.notImplemented("v1UpsertEntity");
    }
}
