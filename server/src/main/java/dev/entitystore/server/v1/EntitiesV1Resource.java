package dev.entitystore.server.v1;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.api.EntitiesV1Api;
import dev.entitystore.api.model.DeletedResponse;
import dev.entitystore.api.model.EntityType;
import dev.entitystore.api.model.SortOrder;
import dev.entitystore.api.model.V1BulkUpsertItem;
import dev.entitystore.api.model.V1BulkUpsertRequest;
import dev.entitystore.api.model.V1DeleteEntityRequest;
import dev.entitystore.domain.idempotency.KeyedWrite;
import dev.entitystore.domain.list.EntityListing;
import dev.entitystore.domain.list.ListAnswer;
import dev.entitystore.domain.write.BulkItem;
import dev.entitystore.domain.store.StoredEntity;
import dev.entitystore.domain.write.LegacyEntityWrites;
import dev.entitystore.domain.write.Precondition;
import dev.entitystore.server.http.BulkItemLimit;
import dev.entitystore.server.http.SpaceScopedResource;
import dev.entitystore.server.v2.BulkItemErrors;
import dev.entitystore.server.v2.EntityTypes;
import dev.entitystore.server.v2.ListAnswers;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * The legacy (v1) entity routes: translate, call the domain, answer in v1's shapes. The writes'
 * {@code Idempotency-Key} is served around them by {@code IdempotencyFilter}; each names its answer to
 * {@link KeyedWrite} first, so that the store can record it with the write.
 */
public final class EntitiesV1Resource extends SpaceScopedResource implements EntitiesV1Api {
    private final LegacyEntityWrites writes;
    private final EntityListing listing;
    private final BulkItemLimit bulkLimit;

    public EntitiesV1Resource(LegacyEntityWrites writes, EntityListing listing, BulkItemLimit bulkLimit) {
        this.writes = writes;
        this.listing = listing;
        this.bulkLimit = bulkLimit;
    }

    @Override
    public Response v1UpsertEntity(EntityType entityType, ObjectNode body, Boolean force, String kbnXsrf,
                                   String idempotencyKey) {
        KeyedWrite.<StoredEntity>answerWith(EntitiesV1Resource::upserted);
        return upserted(writes.upsert(space(), EntityTypes.toDomain(entityType), body, Boolean.TRUE.equals(force)));
    }

    /** The record as stored, with its version as its entity tag. */
    private static Response upserted(StoredEntity stored) {
        return Response.ok(stored.source()).header(HttpHeaders.ETAG, Precondition.entityTag(stored.version())).build();
    }

    @Override
    public Response v1BulkUpsertEntities(V1BulkUpsertRequest request, Boolean force, String kbnXsrf, String idempotencyKey) {
        return bulk(request, force);
    }

    /** Kibana's release note named POST, its route code PUT: both are served, the same. */
    @Override
    public Response v1BulkUpsertEntitiesPost(V1BulkUpsertRequest request, Boolean force, String kbnXsrf,
                                             String idempotencyKey) {
        return bulk(request, force);
    }

    @Override
    public Response v1DeleteEntity(EntityType entityType, V1DeleteEntityRequest request, String kbnXsrf) {
        writes.delete(space(), EntityTypes.toDomain(entityType), request.getId());
        return Response.ok(new DeletedResponse().deleted(true)).build();
    }

    @Override
    public Response v1ListEntities(List<String> entityTypes, String sortField, SortOrder sortOrder, Long page,
            Integer perPage, String filterQuery) {
        ListAnswer.Page answer = listing.listLegacy(space(), entityTypes, sortField,
                sortOrder == null ? null : sortOrder.toString(), page, perPage, filterQuery);
        return Response.ok(ListAnswers.toJson(answer)).build();
    }

    private Response bulk(V1BulkUpsertRequest request, Boolean force) {
        bulkLimit.check(request.getEntities().size());
        List<BulkItem> items = new ArrayList<>(request.getEntities().size());
        for (V1BulkUpsertItem item : request.getEntities()) {
            items.add(new BulkItem(EntityTypes.toDomain(item.getType()), item.getRecord()));
        }
        KeyedWrite.answerWith(BulkItemErrors::answer);
        return BulkItemErrors.answer(writes.bulkUpsert(space(), items, Boolean.TRUE.equals(force)));
    }
}
