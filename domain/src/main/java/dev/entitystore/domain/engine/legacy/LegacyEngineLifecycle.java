package dev.entitystore.domain.engine.legacy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.engine.EngineManager;
import dev.entitystore.domain.engine.EngineManager.EngineView;
import dev.entitystore.domain.engine.StoreStatus;
import dev.entitystore.domain.entity.EntityType;
import dev.entitystore.domain.error.EntityErrors;
import dev.entitystore.domain.error.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The legacy v1 engine use cases over the engine state v2 uses too, so each generation sees
 * what the other did. Init is synchronous (product rules §3.14): the engine is started when it answers.
 */
public final class LegacyEngineLifecycle {
    static final String UNIVERSAL_UNSUPPORTED = "The universal entity engine is no longer supported; "
            + "use the generic engine";

    private final EngineManager engines;

    public LegacyEngineLifecycle(EngineManager engines) {
        this.engines = engines;
    }

    /**
     * Initialises each given type's engine with the same settings ({@code null} types: all four). As in
     * Kibana, types the store cannot enable (universal) are skipped, not refused.
     *
     * @return the descriptors of the initialised engines, in the order asked
     */
    public List<ObjectNode> enable(String space, List<LegacyEngineType> types, ObjectNode given) {
        ObjectNode settings = LegacyEngineSettings.of(given);
        List<EntityType> toInit = new ArrayList<>();
        if (types == null) {
            toInit.addAll(List.of(EntityType.values()));
        } else {
            types.forEach(type -> type.entityType().filter(t -> !toInit.contains(t)).ifPresent(toInit::add));
        }
        List<ObjectNode> descriptors = new ArrayList<>();
        for (EntityType type : toInit) {
            descriptors.add(initialise(space, type, settings));
        }
        return descriptors;
    }

    /** Initialises (or re-initialises) one engine; answers its descriptor. */
    public ObjectNode init(String space, LegacyEngineType type, ObjectNode given) {
        EntityType entityType = type.entityType().orElseThrow(() -> new InvalidRequestException(UNIVERSAL_UNSUPPORTED));
        return initialise(space, entityType, LegacyEngineSettings.of(given));
    }

    /**
     * Starts an installed engine; starting a started one changes nothing and succeeds (Kibana answered a
     * 500 there, which no client can act on).
     */
    public void start(String space, LegacyEngineType type) {
        engines.start(space, List.of(installed(space, type)));
    }

    /** Stops an installed engine; stopping a stopped one changes nothing and succeeds. */
    public void stop(String space, LegacyEngineType type) {
        engines.stop(space, List.of(installed(space, type)));
    }

    public ObjectNode get(String space, LegacyEngineType type) {
        return LegacyEngineDescriptor.of(view(space, type).orElseThrow(() -> notFound(space, type)));
    }

    /** Every installed engine's descriptor, in type order. */
    public List<ObjectNode> list(String space) {
        List<ObjectNode> descriptors = new ArrayList<>();
        for (EngineView view : engines.status(space).engines()) {
            descriptors.add(LegacyEngineDescriptor.of(view));
        }
        return descriptors;
    }

    /** The space's status and every engine's descriptor. */
    public Status status(String space) {
        EngineManager.StoreState state = engines.status(space);
        List<ObjectNode> descriptors = new ArrayList<>();
        state.engines().forEach(view -> descriptors.add(LegacyEngineDescriptor.of(view)));
        return new Status(state.status(), descriptors);
    }

    /**
     * Deletes one engine, with its entities when {@code deleteData}. Deleting an engine that is not
     * installed succeeds, as in Kibana (its data, if asked, is deleted all the same).
     */
    public void delete(String space, LegacyEngineType type, boolean deleteData) {
        type.entityType().ifPresent(entityType -> engines.deleteLegacy(space, List.of(entityType), deleteData));
    }

    /**
     * Deletes the given engines (empty: every installed one).
     *
     * @return the types whose engine was deleted, and the engines still installed afterwards
     */
    public DeletedEngines deleteMany(String space, List<LegacyEngineType> types, boolean deleteData) {
        List<EntityType> asked = new ArrayList<>();
        if (types.isEmpty()) {
            engines.status(space).engines().forEach(view -> asked.add(view.engine().type()));
        } else {
            types.forEach(type -> type.entityType().ifPresent(asked::add));
        }
        List<EntityType> deleted = asked.isEmpty() ? List.of() : engines.deleteLegacy(space, asked, deleteData);
        List<EntityType> remaining = new ArrayList<>();
        engines.status(space).engines().forEach(view -> remaining.add(view.engine().type()));
        return new DeletedEngines(deleted, remaining);
    }

    private ObjectNode initialise(String space, EntityType type, ObjectNode settings) {
        engines.initLegacy(space, type, settings);
        return LegacyEngineDescriptor.of(engines.engineView(space, type).orElseThrow());
    }

    private EntityType installed(String space, LegacyEngineType type) {
        return view(space, type).map(view -> view.engine().type()).orElseThrow(() -> notFound(space, type));
    }

    private Optional<EngineView> view(String space, LegacyEngineType type) {
        return type.entityType().flatMap(entityType -> engines.engineView(space, entityType));
    }

    private static RuntimeException notFound(String space, LegacyEngineType type) {
        return EntityErrors.engineNotFound(type.wireName(), space);
    }

    /** What status reports: the space's state and each engine's descriptor. */
    public record Status(StoreStatus status, List<ObjectNode> engines) {
    }

    /** The answer of deleting several engines. */
    public record DeletedEngines(List<EntityType> deleted, List<EntityType> stillInstalled) {
    }
}
