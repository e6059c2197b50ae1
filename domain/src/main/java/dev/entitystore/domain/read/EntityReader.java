package dev.entitystore.domain.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.entity.EntityType;
import dev.entitystore.domain.error.EntityErrors;
import dev.entitystore.domain.identity.EntityIds;
import dev.entitystore.domain.store.EntityStore;
import dev.entitystore.domain.store.StoredEntity;

/** Reads one stored entity by its EUID: what the store holds, the moment after any answered write. */
public final class EntityReader {
    private final EntityStore store;

    public EntityReader(EntityStore store) {
        this.store = store;
    }

    /**
     * The stored record of the entity. A record stamped with another type than the one asked for is not
     * this type's entity, and is reported missing like any other.
     */
    public ObjectNode get(String space, EntityType type, String euid) {
        return getVersioned(space, type, euid).source();
    }

    /** As {@link #get}, with the record's version (its entity tag) and seqNo. */
    public StoredEntity getVersioned(String space, EntityType type, String euid) {
        StoredEntity stored = store.get(space, EntityIds.documentId(euid)).orElseThrow(() -> EntityErrors.notFound(euid));
        JsonNode storedType = stored.source().path("entity").path("EngineMetadata").path("Type");
        if (storedType.isTextual() && !storedType.asText().equals(type.wireName())) {
            throw EntityErrors.notFound(euid);
        }
        return stored;
    }
}
