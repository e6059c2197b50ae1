package dev.entitystore.domain.census;

import dev.entitystore.domain.entity.EntityType;
import dev.entitystore.domain.query.Query;
import dev.entitystore.domain.search.EntitySearch;
import dev.entitystore.domain.search.SearchRequest;
import dev.entitystore.domain.search.SearchSort;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts each space's entities of each type through the search port: one count per space and type
 * (a terms filter on {@code entity.EngineMetadata.Type}, no hit fetched), which both search backends
 * answer from their index without reading a record. Records without a type are not counted.
 */
public final class EntityCensus {
    static final String TYPE_FIELD = "entity.EngineMetadata.Type";

    private final EntitySearch search;
    private final SpaceDirectory spaces;

    public EntityCensus(EntitySearch search, SpaceDirectory spaces) {
        this.search = search;
        this.spaces = spaces;
    }

    /** Every (space, type) with at least one entity, spaces in name order, types in {@link EntityType} order. */
    public List<EntityCount> count() {
        List<EntityCount> counts = new ArrayList<>();
        for (String space : spaces.spacesWithEntities()) {
            for (EntityType type : EntityType.values()) {
                long total = search.search(new SearchRequest(space, new Query.Terms(TYPE_FIELD, List.of(type.wireName())),
                        SearchSort.newestFirst(), null, 0, 0, true)).total();
                if (total > 0) {
                    counts.add(new EntityCount(space, type.wireName(), total));
                }
            }
        }
        return counts;
    }
}
