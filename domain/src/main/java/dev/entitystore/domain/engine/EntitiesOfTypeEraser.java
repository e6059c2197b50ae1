package dev.entitystore.domain.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entitystore.domain.entity.EntityType;
import dev.entitystore.domain.store.BulkOperation;
import dev.entitystore.domain.store.EntityPage;
import dev.entitystore.domain.store.EntityStore;
import dev.entitystore.domain.store.StoredEntity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Deletes the entities of some types from a space: those whose {@code entity.EngineMetadata.Type} names
 * one of them (every create stamps it, product rules §3.3). Kibana's v1 kept one index per type and dropped it; we
 * keep one store per space, so this walks the space. It is rare (a v1 engine deleted with its data), so
 * a scan is the honest price; it deletes page by page, each page atomically.
 */
final class EntitiesOfTypeEraser {
    static final int PAGE = 1000;

    private final EntityStore store;

    EntitiesOfTypeEraser(EntityStore store) {
        this.store = store;
    }

    /** @return how many entities were deleted */
    long erase(String space, List<EntityType> types) {
        Set<String> wireNames = types.stream().map(EntityType::wireName).collect(Collectors.toSet());
        long deleted = 0;
        String after = null;
        do {
            EntityPage page = store.scan(space, after, PAGE);
            List<BulkOperation> deletes = new ArrayList<>();
            for (StoredEntity entity : page.entities()) {
                JsonNode type = entity.source().path("entity").path("EngineMetadata").path("Type");
                if (type.isTextual() && wireNames.contains(type.textValue())) {
                    deletes.add(BulkOperation.delete(entity.id()));
                }
            }
            if (!deletes.isEmpty()) {
                store.bulk(space, deletes);
                deleted += deletes.size();
            }
            after = page.nextAfterId().orElse(null);
        } while (after != null);
        return deleted;
    }
}
