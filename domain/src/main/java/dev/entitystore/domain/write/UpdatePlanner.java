package dev.entitystore.domain.write;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.document.Unflattener;
import dev.entitystore.domain.entity.EntityDefinitions;
import dev.entitystore.domain.entity.EntityType;
import dev.entitystore.domain.error.FieldsNotAllowedException.Wording;
import dev.entitystore.domain.identity.EntityIdentification;
import dev.entitystore.domain.identity.EntityIds;
import dev.entitystore.domain.permission.ProtectedFieldPolicy;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Plans a v2 update: unflatten, identify the target (ID only, ID + identity,
 * identity only), set {@code entity.id} to it, check field permissions unless {@code force}, set the
 * server's {@code @timestamp}. No name default. The result is a patch for the partial-update merge.
 */
public final class UpdatePlanner {
    private final Clock clock;
    private final EntityIdentification identification;
    private final ProtectedFieldPolicy policy;

    public UpdatePlanner(Clock clock) {
        this(clock, new EntityIdentification(), new ProtectedFieldPolicy());
    }

    public UpdatePlanner(Clock clock, EntityIdentification identification, ProtectedFieldPolicy policy) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.identification = Objects.requireNonNull(identification, "identification");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * @throws dev.entitystore.domain.error.InvalidRequestException when no target can be identified or the
     *     supplied id differs from the derived EUID
     * @throws dev.entitystore.domain.error.FieldsNotAllowedException (v2 wording) for unknown or restricted
     *     fields without {@code force}
     */
    public PlannedWrite plan(EntityType type, ObjectNode body, boolean force) {
        ObjectNode patch = Unflattener.unflatten(body);
        return planned(type, identification.forUpdate(type, patch), patch, force);
    }

    /**
     * An update of a record the caller has already named (an import line, {@link EntityIdentification#forImport}):
     * the same edits and checks as {@link #plan}, without identifying the target again.
     */
    public PlannedWrite planFor(EntityType type, String target, ObjectNode body, boolean force) {
        return planned(type, target, Unflattener.unflatten(body), force);
    }

    private PlannedWrite planned(EntityType type, String target, ObjectNode patch, boolean force) {
        EntityDocumentEdits.setEntityId(patch, target);
        policy.check(EntityDefinitions.of(type), patch, force, Wording.V2);
        List<String> cleared = ClearableFields.take(patch);
        EntityDocumentEdits.setTimestamp(patch, ServerTimestamp.now(clock));
        return new PlannedWrite(type, target, EntityIds.documentId(target), patch, cleared);
    }
}
