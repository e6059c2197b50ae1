package dev.entitystore.domain.write;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.document.Unflattener;
import dev.entitystore.domain.entity.EntityType;
import dev.entitystore.domain.identity.EntityIdentification;
import dev.entitystore.domain.identity.EntityIds;
import java.time.Clock;
import java.util.Objects;

/**
 * Plans a v2 create: unflatten, derive the EUID (and check a supplied
 * {@code entity.id} against it), then set {@code entity.id}, default {@code entity.name} to the EUID,
 * stamp {@code entity.EngineMetadata.Type} unless set, and set the server's {@code @timestamp}. Create
 * never checks field permissions. The result is the full document to store with create-only semantics.
 */
public final class CreatePlanner {
    private final Clock clock;
    private final EntityIdentification identification;

    public CreatePlanner(Clock clock) {
        this(clock, new EntityIdentification());
    }

    public CreatePlanner(Clock clock, EntityIdentification identification) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.identification = Objects.requireNonNull(identification, "identification");
    }

    /**
     * @throws dev.entitystore.domain.error.InvalidRequestException {@code Bad request: Could not derive EUID
     *     from document} or {@code Bad request: Supplied ID <id> does not match generated EUID <euid>}
     */
    public PlannedWrite plan(EntityType type, ObjectNode body) {
        ObjectNode doc = Unflattener.unflatten(body);
        ClearableFields.take(doc);
        String euid = identification.forCreate(type, doc);
        EntityDocumentEdits.setEntityId(doc, euid);
        EntityDocumentEdits.defaultName(doc, euid);
        EntityDocumentEdits.stampEngineType(doc, type);
        EntityDocumentEdits.setTimestamp(doc, ServerTimestamp.now(clock));
        return new PlannedWrite(type, euid, EntityIds.documentId(euid), doc);
    }

    /**
     * A create whose EUID the caller has already settled (by {@link UpdatePlanner} on the same identity,
     * so that a create and an update of one request address one record): the same edits as {@link #plan},
     * without deriving the EUID again (an {@code entity.id} of a host or user derives nothing).
     */
    public PlannedWrite planFor(EntityType type, String euid, ObjectNode body) {
        ObjectNode doc = Unflattener.unflatten(body);
        ClearableFields.take(doc);
        EntityDocumentEdits.setEntityId(doc, euid);
        EntityDocumentEdits.defaultName(doc, euid);
        EntityDocumentEdits.stampEngineType(doc, type);
        EntityDocumentEdits.setTimestamp(doc, ServerTimestamp.now(clock));
        return new PlannedWrite(type, euid, EntityIds.documentId(euid), doc);
    }
}
