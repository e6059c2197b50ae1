package dev.entitystore.domain.write;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.document.Flattener;
import dev.entitystore.domain.document.Unflattener;
import dev.entitystore.domain.entity.EntityDefinition;
import dev.entitystore.domain.entity.EntityDefinitions;
import dev.entitystore.domain.entity.EntityType;
import dev.entitystore.domain.error.EntityErrors;
import dev.entitystore.domain.error.FieldsNotAllowedException.Wording;
import dev.entitystore.domain.error.InvalidRequestException;
import dev.entitystore.domain.identity.EntityIdentification;
import dev.entitystore.domain.merge.CollectMerger;
import dev.entitystore.domain.permission.ProtectedFieldPolicy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Plans legacy v1 upserts, single ({@code PUT /api/entity_store/entities/{type}}) and bulk
 * (product rules §3.6, §3.7, §3.13). v1 names its entity by {@code entity.id} (required, taken as the
 * EUID without derivation), needs the type's engine started, and validates against v2's definitions
 * widened by v1's own destinations ({@link EntityDefinitions#legacyOf}), with v1's texts. A write that
 * finds nothing stored creates the entity (name defaulted to the id, type stamped, as every create);
 * otherwise it merges with {@link CollectMerger}.
 */
public final class LegacyUpsertPlanner {
    static final String NO_UPDATE = "The request doesn't contain any update";

    private final Clock clock;
    private final ProtectedFieldPolicy policy;

    public LegacyUpsertPlanner(Clock clock) {
        this(clock, new ProtectedFieldPolicy());
    }

    public LegacyUpsertPlanner(Clock clock, ProtectedFieldPolicy policy) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * One upsert. Checks, in Kibana's order: {@code entity.id} present (the schema's 400), engine running
     * (503), field permissions (v1 texts), and that the body changes something besides its identity.
     */
    public PlannedUpsert plan(EntityType type, ObjectNode body, boolean force, LegacyEngines engines) {
        return check(type, body, force, () -> requireRunning(type, engines), () -> { })
                .limitedTo(engines.fieldHistoryLength(type));
    }

    /**
     * One upsert checked as {@link #plan} but for its engine, which the caller checks with the read of the
     * record (and learns the {@code fieldHistoryLength} there). When the body is refused after its {@code
     * entity.id}, {@code onRefusal} runs first: it checks the engine, so that a stopped engine is still
     * answered before the body's fields (Kibana's order).
     */
    public CheckedUpsert checkBody(EntityType type, ObjectNode body, boolean force, Runnable onRefusal) {
        return check(type, body, force, () -> { }, onRefusal);
    }

    private CheckedUpsert check(EntityType type, ObjectNode body, boolean force, Runnable engineCheck, Runnable onRefusal) {
        ObjectNode doc = Unflattener.unflatten(body);
        String id = requireEntityId(doc, "entity.id");
        engineCheck.run();
        EntityDefinition definition = EntityDefinitions.legacyOf(type);
        try {
            policy.check(definition, doc, force, Wording.V1);
            if (!changesMoreThanIdentity(definition, doc)) {
                throw new InvalidRequestException(NO_UPDATE);
            }
        } catch (RuntimeException refused) {
            onRefusal.run();
            throw refused;
        }
        return checked(type, id, doc);
    }

    /**
     * A v1 bulk: every record must carry {@code entity.id} (checked for all before anything else, as the
     * body schema is); then in order, each type's engine at its first occurrence and each record's fields.
     * The first failure aborts the whole request; record failures carry the item's position.
     */
    public List<PlannedUpsert> planBulk(List<BulkItem> items, boolean force, LegacyEngines engines) {
        List<ObjectNode> docs = new ArrayList<>(items.size());
        List<String> ids = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            ObjectNode doc = Unflattener.unflatten(items.get(i).doc());
            try {
                ids.add(requireEntityId(doc, "entities." + i + ".record.entity.id"));
            } catch (InvalidRequestException e) {
                throw e.atItem(i);
            }
            docs.add(doc);
        }
        Set<EntityType> checked = EnumSet.noneOf(EntityType.class);
        List<PlannedUpsert> upserts = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            EntityType type = items.get(i).type();
            if (checked.add(type)) {
                requireRunning(type, engines);
            }
            try {
                policy.check(EntityDefinitions.legacyOf(type), docs.get(i), force, Wording.V1);
            } catch (InvalidRequestException e) {
                throw e.atItem(i);
            }
            upserts.add(checked(type, ids.get(i), docs.get(i)).limitedTo(engines.fieldHistoryLength(type)));
        }
        return upserts;
    }

    private CheckedUpsert checked(EntityType type, String id, ObjectNode doc) {
        List<String> cleared = ClearableFields.take(doc);
        EntityDocumentEdits.setTimestamp(doc, ServerTimestamp.now(clock));
        return new CheckedUpsert(type, id, doc, cleared);
    }

    private static String requireEntityId(ObjectNode doc, String schemaPath) {
        return EntityIdentification.suppliedId(doc).orElseThrow(
                () -> new InvalidRequestException("[request body]: " + schemaPath + ": Required"));
    }

    private static void requireRunning(EntityType type, LegacyEngines engines) {
        if (!engines.isRunning(type)) {
            throw EntityErrors.engineNotRunning(type.wireName());
        }
    }

    /** v1 built its update script from every leaf but {@code entity.id} and the identity fields. */
    private static boolean changesMoreThanIdentity(EntityDefinition definition, ObjectNode doc) {
        for (String path : Flattener.paths(doc)) {
            if (!"entity.id".equals(path) && !definition.isIdentitySourceField(path)) {
                return true;
            }
        }
        return false;
    }
}
