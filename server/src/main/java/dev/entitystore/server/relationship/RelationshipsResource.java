package dev.entitystore.server.relationship;

import dev.entitystore.api.RelationshipsApi;
import dev.entitystore.api.model.RelationshipKind;
import dev.entitystore.api.model.RelationshipRecord;
import dev.entitystore.api.model.RelationshipsPage;
import dev.entitystore.api.model.SortOrder;
import dev.entitystore.domain.relationship.EntityRelationships;
import dev.entitystore.domain.relationship.RelationshipPage;
import dev.entitystore.domain.relationship.RelationshipQuery;
import dev.entitystore.server.http.SpaceScopedResource;
import jakarta.ws.rs.core.Response;

/** Kibana's relationships listing: translate, call the domain, answer in Kibana's shape. */
public final class RelationshipsResource extends SpaceScopedResource implements RelationshipsApi {
    private final EntityRelationships relationships;

    public RelationshipsResource(EntityRelationships relationships) {
        this.relationships = relationships;
    }

    @Override
    public Response listEntityRelationships(String entityId, Integer page, Integer perPage, String sortField,
            SortOrder sortOrder, RelationshipKind kind, String target, String from, String to) {
        RelationshipQuery query = new RelationshipQuery(page, perPage, sortField,
                sortOrder == null ? null : sortOrder == SortOrder.DESC, kind == null ? null : kind.toString(), target,
                from, to);
        RelationshipPage result = relationships.list(space(), entityId, query);
        return Response.ok(new RelationshipsPage()
                .records(result.records().stream().map(r -> new RelationshipRecord().kind(r.kind()).target(r.target())
                        .timestamp(r.timestamp()).source(r.source()).firstSeen(r.firstSeen())).toList())
                .total(result.total()).page(result.page()).perPage(result.perPage())).build();
    }
}
