package dev.entitystore.domain.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.entity.EntityType;
import dev.entitystore.domain.error.EntityNotFoundException;
import dev.entitystore.domain.error.EntityErrors;
import dev.entitystore.domain.store.EntityMerge;
import dev.entitystore.domain.store.EntityStore;
import dev.entitystore.domain.store.MergeOutcome;
import dev.entitystore.domain.store.SettingCheck;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Install state and engines of each space, for both API generations: install, uninstall, start, stop,
 * settings, and the questions the entity routes ask ("is the store installed?", "is this type's engine
 * started?"). A space is installed while at least one engine is. Changes to one space are serialised
 * here, across the servers sharing the store too; they are rare and small.
 */
public final class EngineManager {
    public static final String CONFIG_NOT_INSTALLED = "Entity store is not installed";

    static final String STORE_KEY = "store";
    /** Settings that may differ per type; updating the space's config sets them on every type. */
    static final String FIELD_HISTORY_LENGTH = "fieldHistoryLength";
    static final String EXCLUDED_USER_NAMES = "excludedUserNames";

    private final EntityStore store;
    private final SpaceSettings spaceSettings;
    private final Clock clock;
    private final EntitiesOfTypeEraser eraser;
    private final ConcurrentMap<String, Object> locks = new ConcurrentHashMap<>();

    public EngineManager(EntityStore store, Clock clock) {
        this.store = store;
        this.spaceSettings = new SpaceSettings(store);
        this.clock = clock;
        this.eraser = new EntitiesOfTypeEraser(store);
    }

    /**
     * Installs the given types (all when empty) that are not installed yet, started.
     *
     * @return whether any type was newly installed (Kibana answers 201 then, else 200)
     */
    public boolean install(String space, List<EntityType> types, ObjectNode logExtraction, ObjectNode historySnapshot) {
        return install(space, types, logExtraction, historySnapshot, null);
    }

    /**
     * As {@link #install(String, List, ObjectNode, ObjectNode)}, with the newest Kibana's
     * {@code excludedUserNames} (kept and reported; no extraction runs here to skip them, product rules §3.4).
     * The first install's settings stay: a later install only adds types.
     */
    public boolean install(String space, List<EntityType> types, ObjectNode logExtraction, ObjectNode historySnapshot,
                           List<String> excludedUserNames) {
        LogExtractionValidator.validate(logExtraction, historySnapshot, excludedUserNames);
        return changing(space, () -> installTypes(space, types, logExtraction, historySnapshot, excludedUserNames));
    }

    private boolean installTypes(String space, List<EntityType> types, ObjectNode logExtraction, ObjectNode historySnapshot,
                                 List<String> excludedUserNames) {
        if (!spaceSettings.has(space, STORE_KEY)) {
            ObjectNode config = JsonNodeFactory.instance.objectNode();
            if (excludedUserNames != null) {
                excludedUserNames.forEach(config.putArray(EXCLUDED_USER_NAMES)::add);
            }
            config.set("logExtraction", logExtraction == null ? JsonNodeFactory.instance.objectNode() : logExtraction.deepCopy());
            config.set("historySnapshot", historySnapshot == null ? JsonNodeFactory.instance.objectNode() : historySnapshot.deepCopy());
            spaceSettings.put(space, STORE_KEY, config);
        }
        boolean installedAny = false;
        for (EntityType type : orAll(types)) {
            if (engine(space, type).isEmpty()) {
                Engine engine = new Engine(type, EngineStatus.STARTED, clock.instant(), EngineSettings.cadenceOf(logExtraction));
                spaceSettings.put(space, Engine.keyOf(type), engine.toJson());
                installedAny = true;
            }
        }
        return installedAny;
    }

    /**
     * Installs (or re-configures) one type's engine from a legacy v1 init body, started. The body's
     * values are kept as the type's own settings and reported in its descriptor.
     */
    public Engine initLegacy(String space, EntityType type, ObjectNode initSettings) {
        return changing(space, () -> {
            installTypes(space, List.of(type), null, null, null);
            Engine engine = engine(space, type).orElseThrow();
            ObjectNode settings = engine.settings().deepCopy();
            settings.setAll(initSettings);
            Engine updated = engine.withSettings(settings).withStatus(EngineStatus.STARTED);
            spaceSettings.put(space, Engine.keyOf(type), updated.toJson());
            return updated;
        });
    }

    /** Uninstalls the given types (all when empty); removing the last one removes the space's entities. */
    public List<EntityType> uninstall(String space, List<EntityType> types) {
        return changing(space, () -> {
            List<EntityType> removed = removeEngines(space, types);
            if (engines(space).isEmpty() && spaceSettings.has(space, STORE_KEY)) {
                store.deleteAll(space);
                spaceSettings.delete(space, STORE_KEY);
            }
            return removed;
        });
    }

    /**
     * Legacy v1 delete: removes the given types' engines (all when empty). Unlike v2's uninstall the
     * entities stay unless {@code deleteData}; then the given types' entities go, and every entity of the
     * space once no engine is left (as v2's uninstall). Kibana deletes a type's data even when its engine
     * is not installed, so the data of types asked for goes whether or not their engine was removed.
     *
     * @return the types whose engine was installed and is now removed
     */
    public List<EntityType> deleteLegacy(String space, List<EntityType> types, boolean deleteData) {
        return changing(space, () -> {
            List<EntityType> removed = removeEngines(space, types);
            boolean noneLeft = engines(space).isEmpty();
            if (deleteData) {
                if (noneLeft) {
                    store.deleteAll(space);
                } else {
                    eraser.erase(space, orAll(types));
                }
            }
            if (noneLeft) {
                spaceSettings.delete(space, STORE_KEY);
            }
            return removed;
        });
    }

    private List<EntityType> removeEngines(String space, List<EntityType> types) {
        List<EntityType> removed = new ArrayList<>();
        for (EntityType type : orAll(types)) {
            if (spaceSettings.delete(space, Engine.keyOf(type))) {
                removed.add(type);
            }
        }
        return removed;
    }

    /** Starts the given (all when empty) installed engines that are stopped; returns those now started. */
    public List<EntityType> start(String space, List<EntityType> types) {
        return setStatus(space, types, EngineStatus.STARTED);
    }

    /** Stops the given (all when empty) installed engines that are started; returns those now stopped. */
    public List<EntityType> stop(String space, List<EntityType> types) {
        return setStatus(space, types, EngineStatus.STOPPED);
    }

    /** Replaces the space's log-extraction settings; cadence fields given here apply to every type. */
    public void updateConfig(String space, ObjectNode logExtraction) {
        updateConfig(space, logExtraction, Set.of());
    }

    /**
     * As {@link #updateConfig(String, ObjectNode)}, and removes the {@code cleared} settings (sent as
     * {@code null}), so that each falls back to the layer below: the type's own default, then Kibana's.
     */
    public void updateConfig(String space, ObjectNode logExtraction, Set<String> cleared) {
        LogExtractionValidator.validate(logExtraction, null);
        changing(space, () -> {
            ObjectNode config = spaceSettings.get(space, STORE_KEY)
                    .orElseThrow(() -> new EntityNotFoundException(CONFIG_NOT_INSTALLED));
            ObjectNode global = config.get("logExtraction") instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
            global.setAll(logExtraction.deepCopy());
            global.remove(cleared);
            config.set("logExtraction", global);
            spaceSettings.put(space, STORE_KEY, config);
            ObjectNode cadence = EngineSettings.cadenceOf(logExtraction);
            for (Engine engine : engines(space).values()) {
                ObjectNode settings = engine.settings().deepCopy();
                settings.setAll(cadence);
                settings.remove(cleared);
                spaceSettings.put(space, Engine.keyOf(engine.type()), engine.withSettings(settings).toJson());
            }
            return null;
        });
    }

    /** Sets one type's own cadence. */
    public void updateType(String space, EntityType type, ObjectNode logExtraction) {
        updateType(space, type, logExtraction, Set.of());
    }

    /** Sets one type's own cadence and removes the {@code cleared} fields of it (back to the space's). */
    public void updateType(String space, EntityType type, ObjectNode logExtraction, Set<String> cleared) {
        LogExtractionValidator.validate(logExtraction, null);
        changing(space, () -> {
            if (!spaceSettings.has(space, STORE_KEY)) {
                throw new EntityNotFoundException(CONFIG_NOT_INSTALLED);
            }
            Engine engine = engine(space, type).orElseThrow(
                    () -> new EntityNotFoundException("Entity engine '" + type.wireName() + "' is not installed"));
            ObjectNode settings = engine.settings().deepCopy();
            settings.setAll(EngineSettings.cadenceOf(logExtraction));
            settings.remove(cleared);
            spaceSettings.put(space, Engine.keyOf(type), engine.withSettings(settings).toJson());
            return null;
        });
    }

    /** The space's state and each engine with its effective settings, in type order. */
    public StoreState status(String space) {
        Map<EntityType, Engine> engines = engines(space);
        if (engines.isEmpty()) {
            return new StoreState(StoreStatus.NOT_INSTALLED, List.of(), null, null, null);
        }
        ObjectNode global = globalSettings(space);
        List<EngineView> views = new ArrayList<>();
        for (Engine engine : engines.values()) {
            views.add(new EngineView(engine, EngineSettings.inForce(engine, global)));
        }
        boolean anyStarted = engines.values().stream().anyMatch(e -> e.status() == EngineStatus.STARTED);
        ObjectNode config = spaceSettings.get(space, STORE_KEY).orElseGet(JsonNodeFactory.instance::objectNode);
        List<String> excluded = null;
        if (config.get(EXCLUDED_USER_NAMES) instanceof ArrayNode names) {
            excluded = new ArrayList<>();
            for (JsonNode name : names) {
                excluded.add(name.asText());
            }
        }
        return new StoreState(anyStarted ? StoreStatus.RUNNING : StoreStatus.STOPPED, views,
                HistorySnapshots.statusOf(config), excluded, HistoryRetention.settingsOf(config).orElse(null));
    }

    /** One engine with its effective settings, if installed. */
    public Optional<EngineView> engineView(String space, EntityType type) {
        return engine(space, type).map(engine -> new EngineView(engine, EngineSettings.inForce(engine, globalSettings(space))));
    }

    /** The entity routes' precondition: the space's store is installed. */
    public void requireInstalled(String space) {
        if (!spaceSettings.has(space, STORE_KEY)) {
            throw EntityErrors.notInstalled();
        }
    }

    /**
     * The store's merge of record {@code id}, made only if the space's store is installed, as asked with the
     * read of that record (one request for both on a shared store; single writes pay no read more for it).
     */
    public MergeOutcome mergeIfInstalled(String space, String id, EntityMerge merge) {
        return spaceSettings.merge(space, id, new SettingCheck(STORE_KEY, installed -> {
            if (installed.isEmpty()) {
                throw EntityErrors.notInstalled();
            }
        }), merge);
    }

    public boolean isInstalled(String space) {
        return spaceSettings.has(space, STORE_KEY);
    }

    public boolean isStarted(String space, EntityType type) {
        return engine(space, type).map(e -> e.status() == EngineStatus.STARTED).orElse(false);
    }

    /**
     * The {@code fieldHistoryLength} set for this type's engine (its own, else the space's): the limit of
     * v1's collect merge (product rules §3.4). Empty when none was set (or the engine is not installed), and the
     * merge then keeps each field definition's own limit; a value below 1 would keep nothing and is
     * ignored likewise.
     */
    public OptionalInt fieldHistoryLength(String space, EntityType type) {
        return engine(space, type)
                .map(engine -> EngineSettings.fieldHistoryLength(engine, () -> globalSettings(space)))
                .orElse(OptionalInt.empty());
    }

    /**
     * The store's merge of record {@code id} for a v1 write of {@code type}: made only if the type's engine is
     * started, with the merge {@code merge} gives for the engine's {@code fieldHistoryLength} (as {@link
     * #fieldHistoryLength}). Both are read with the record, on a shared store in the same request, and again
     * on every read of it, so the write never acts on an engine state older than the record it is made on.
     */
    public MergeOutcome mergeIfStarted(String space, EntityType type, String id, Function<OptionalInt, EntityMerge> merge) {
        String engineKey = Engine.keyOf(type);
        // What the check last read, for the merge asked right after it with the same record.
        AtomicReference<OptionalInt> limit = new AtomicReference<>();
        SettingCheck started = new SettingCheck(List.of(engineKey, STORE_KEY), settings -> {
            Engine engine = Optional.ofNullable(settings.get(engineKey)).map(Engine::fromJson)
                    .filter(e -> e.status() == EngineStatus.STARTED)
                    .orElseThrow(() -> EntityErrors.engineNotRunning(type.wireName()));
            limit.set(EngineSettings.fieldHistoryLength(engine, () -> EngineSettings.logExtractionOf(Optional.ofNullable(settings.get(STORE_KEY)))));
        });
        return spaceSettings.merge(space, id, started, current -> merge.apply(limit.get()).apply(current));
    }

    private List<EntityType> setStatus(String space, List<EntityType> types, EngineStatus status) {
        return changing(space, () -> {
            List<EntityType> changed = new ArrayList<>();
            for (EntityType type : orAll(types)) {
                Optional<Engine> engine = engine(space, type);
                if (engine.isPresent() && engine.get().status() != status) {
                    spaceSettings.put(space, Engine.keyOf(type), engine.get().withStatus(status).toJson());
                    changed.add(type);
                }
            }
            return changed;
        });
    }

    private ObjectNode globalSettings(String space) {
        return EngineSettings.logExtractionOf(spaceSettings.get(space, STORE_KEY));
    }

    /**
     * Changes the space's store configuration (install-time settings, history snapshots) as one change of
     * the space: {@code change} edits the configuration it is given and answers whether to store it.
     *
     * @return whether the configuration was stored
     * @throws EntityNotFoundException when the store is not installed in the space
     */
    boolean changeConfig(String space, Predicate<ObjectNode> change) {
        return changing(space, () -> {
            ObjectNode config = spaceSettings.get(space, STORE_KEY)
                    .orElseThrow(() -> new EntityNotFoundException(CONFIG_NOT_INSTALLED));
            boolean changed = change.test(config);
            if (changed) {
                spaceSettings.put(space, STORE_KEY, config);
            }
            return changed;
        });
    }

    /** The space's store configuration, when installed. */
    Optional<ObjectNode> config(String space) {
        return spaceSettings.get(space, STORE_KEY);
    }

    private Optional<Engine> engine(String space, EntityType type) {
        return spaceSettings.get(space, Engine.keyOf(type)).map(Engine::fromJson);
    }

    private Map<EntityType, Engine> engines(String space) {
        Map<EntityType, Engine> engines = new EnumMap<>(EntityType.class);
        for (Map.Entry<String, ObjectNode> setting : spaceSettings.all(space).entrySet()) {
            if (setting.getKey().startsWith(Engine.KEY_PREFIX)) {
                Engine engine = Engine.fromJson(setting.getValue());
                engines.put(engine.type(), engine);
            }
        }
        return engines;
    }

    private static List<EntityType> orAll(List<EntityType> types) {
        return types == null || types.isEmpty() ? List.of(EntityType.values()) : types;
    }

    /**
     * Runs one change of the space: alone among this process's threads (a lock per space), and alone
     * among the servers sharing the store ({@link EntityStore#exclusively}).
     */
    private <T> T changing(String space, Supplier<T> change) {
        synchronized (locks.computeIfAbsent(space, s -> new Object())) {
            return store.exclusively(space, change);
        }
    }

    /**
     * A space's state as status reports it; {@code historySnapshot} and {@code excludedUserNames} are
     * {@code null} when not installed (the latter also when the install gave none), {@code history} (the
     * history retention, {@link HistoryRetention}) when no limit is set.
     */
    public record StoreState(StoreStatus status, List<EngineView> engines, ObjectNode historySnapshot,
                             List<String> excludedUserNames, ObjectNode history) {}

    /** An engine and the settings in force for it. */
    public record EngineView(Engine engine, ObjectNode settings) {}
}
