package dev.entitystore.server.v2;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.api.EntitiesV2Api;
import dev.entitystore.api.model.BulkUpdateItem;
import dev.entitystore.api.model.BulkUpdateRequest;
import dev.entitystore.api.model.DeleteEntityRequest;
import dev.entitystore.api.model.DeletedResponse;
import dev.entitystore.api.model.EntityType;
import dev.entitystore.api.model.OkResponse;
import dev.entitystore.api.model.SortOrder;
import dev.entitystore.domain.history.HistoryPage;
import dev.entitystore.domain.history.HistoryReader;
import dev.entitystore.domain.idempotency.KeyedWrite;
import dev.entitystore.domain.list.EntityListing;
import dev.entitystore.domain.list.ListParameters;
import dev.entitystore.domain.read.EntityReader;
import dev.entitystore.domain.write.BulkItem;
import dev.entitystore.domain.store.StoredEntity;
import dev.entitystore.domain.write.EntityWrites;
import dev.entitystore.domain.write.Precondition;
import dev.entitystore.domain.write.SeqNoCondition;
import dev.entitystore.server.http.BulkItemLimit;
import dev.entitystore.server.http.SpaceScopedResource;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * The current (v2) entity routes: translate, call the domain, answer in Kibana's shapes. The writes'
 * {@code Idempotency-Key} is served around them by {@code IdempotencyFilter}; each names its answer to
 * {@link KeyedWrite} first, so that the store can record it with the write.
 */
public final class EntitiesV2Resource extends SpaceScopedResource implements EntitiesV2Api {
    private final EntityWrites writes;
    private final EntityReader reader;
    private final EntityListing listing;
    private final BulkItemLimit bulkLimit;
    private final HistoryReader history;

    public EntitiesV2Resource(EntityWrites writes, EntityReader reader, EntityListing listing, BulkItemLimit bulkLimit,
                              HistoryReader history) {
        this.writes = writes;
        this.reader = reader;
        this.listing = listing;
        this.bulkLimit = bulkLimit;
        this.history = history;
    }

    @Override
    public Response createEntity(EntityType entityType, ObjectNode body, String kbnXsrf, String idempotencyKey,
                                 String ifNoneMatch) {
        KeyedWrite.<Long>answerWith(EntitiesV2Resource::ok);
        long version = writes.create(space(), EntityTypes.toDomain(entityType), body, Precondition.ifNoneMatch(ifNoneMatch));
        return ok(version);
    }

    @Override
    public Response updateEntity(EntityType entityType, ObjectNode body, Boolean force, String kbnXsrf,
                                 String idempotencyKey, String ifMatch, Long ifSeqNo, Long ifPrimaryTerm) {
        KeyedWrite.<Long>answerWith(EntitiesV2Resource::ok);
        long version = writes.update(space(), EntityTypes.toDomain(entityType), body, Boolean.TRUE.equals(force),
                Precondition.ifMatch(ifMatch), SeqNoCondition.of(ifSeqNo, ifPrimaryTerm));
        return ok(version);
    }

    @Override
    public Response bulkUpdateEntities(BulkUpdateRequest request, Boolean force, String kbnXsrf, String idempotencyKey) {
        bulkLimit.check(request.getEntities().size());
        List<BulkItem> items = new ArrayList<>(request.getEntities().size());
        for (BulkUpdateItem item : request.getEntities()) {
            items.add(new BulkItem(EntityTypes.toDomain(item.getType()), item.getDoc()));
        }
        KeyedWrite.answerWith(BulkItemErrors::answer);
        return BulkItemErrors.answer(writes.bulkUpdate(space(), items, Boolean.TRUE.equals(force)));
    }

    @Override
    public Response deleteEntity(DeleteEntityRequest request, String kbnXsrf, String ifMatch) {
        writes.delete(space(), request.getEntityId(), Precondition.ifMatch(ifMatch));
        return Response.ok(new DeletedResponse().deleted(true)).build();
    }

    @Override
    public Response getEntity(EntityType entityType, String entityId, String asOf) {
        if (asOf != null) {
            return Response.ok(history.asOf(space(), EntityTypes.toDomain(entityType), entityId, asOf)).build();
        }
        StoredEntity stored = reader.getVersioned(space(), EntityTypes.toDomain(entityType), entityId);
        return Response.ok(stored.source()).header(HttpHeaders.ETAG, Precondition.entityTag(stored.version())).build();
    }

    @Override
    public Response getEntityHistory(EntityType entityType, String entityId, Integer size, String searchAfter, String from,
                                     String to, List<String> fields) {
        HistoryPage page = history.changes(space(), EntityTypes.toDomain(entityType), entityId, size, searchAfter, from, to,
                fields);
        return HistoryAnswers.page(page).answer();
    }

    @Override
    public Response listEntities(String filter, Long size, String searchAfter, List<String> source,
            List<String> fields, Long page, Integer perPage, String sortField, SortOrder sortOrder,
            String filterQuery, List<String> entityTypes) {
        ListParameters parameters = new ListParameters(filter, size, searchAfter, source, fields, page, perPage, sortField,
                sortOrder == null ? null : sortOrder.toString(), filterQuery, entityTypes);
        return Response.ok(ListAnswers.toJson(listing.list(space(), parameters))).build();
    }

    /** Kibana's {@code {"ok":true}}, with the entity's version as its entity tag. */
    private static Response ok(long version) {
        return Response.ok(new OkResponse().ok(true)).header(HttpHeaders.ETAG, Precondition.entityTag(version)).build();
    }
}
