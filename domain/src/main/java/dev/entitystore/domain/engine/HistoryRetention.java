package dev.entitystore.domain.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.error.EntityNotFoundException;
import dev.entitystore.domain.history.EntityHistory;
import dev.entitystore.domain.store.EntityStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * How long each space keeps its change history, and the pruning that enforces it. Configured per space under
 * {@value #KEY} of the store configuration ({@code retentionDays}: changes older than this many days go;
 * {@code maxVersionsPerEntity}: at most this many changes per record), absent = kept forever. A record's newest
 * change is never pruned, so a live entity always shows its current version and a deleted one its delete.
 * Pruning runs on the server's schedule ({@link #pruneEverySpace}) and on demand ({@link #prune}); the history
 * snapshots older than {@code retentionDays} are forgotten with it.
 */
public final class HistoryRetention {
    static final String KEY = "history";
    public static final String RETENTION_DAYS = "retentionDays";
    public static final String MAX_VERSIONS = "maxVersionsPerEntity";

    private final EngineManager engines;
    private final EntityStore store;
    private final EntityHistory history;
    private final Clock clock;

    public HistoryRetention(EngineManager engines, EntityStore store, EntityHistory history, Clock clock) {
        this.engines = engines;
        this.store = store;
        this.history = history;
        this.clock = clock;
    }

    /**
     * Sets the given limits (a null one is left as it is) and removes the {@code cleared} ones (sent as
     * {@code null}); the ranges are the contract's, checked before this is called.
     *
     * @throws EntityNotFoundException when the store is not installed in the space
     */
    public void configure(String space, Integer retentionDays, Integer maxVersionsPerEntity, Set<String> cleared) {
        engines.changeConfig(space, config -> {
            ObjectNode settings = config.get(KEY) instanceof ObjectNode stored ? stored : config.putObject(KEY);
            if (retentionDays != null) {
                settings.put(RETENTION_DAYS, retentionDays);
            }
            if (maxVersionsPerEntity != null) {
                settings.put(MAX_VERSIONS, maxVersionsPerEntity);
            }
            settings.remove(cleared);
            if (settings.isEmpty()) {
                config.remove(KEY);
            }
            return true;
        });
    }

    /** The space's limits as status reports them, when any is set. */
    static Optional<ObjectNode> settingsOf(ObjectNode config) {
        return config.get(KEY) instanceof ObjectNode settings && !settings.isEmpty()
                ? Optional.of(settings.deepCopy()) : Optional.empty();
    }

    /**
     * Prunes the space's history to its limits now; nothing when none is set or the store is not installed.
     *
     * @return how many changes were removed
     */
    public long prune(String space) {
        Optional<ObjectNode> settings = engines.config(space).flatMap(HistoryRetention::settingsOf);
        if (settings.isEmpty()) {
            return 0;
        }
        JsonNode days = settings.get().get(RETENTION_DAYS);
        JsonNode versions = settings.get().get(MAX_VERSIONS);
        long before = Long.MIN_VALUE;
        if (days != null) {
            Instant horizon = clock.instant().minus(Duration.ofDays(days.asLong()));
            before = horizon.toEpochMilli();
            forgetSnapshotsBefore(space, horizon);
        }
        return history.prune(space, before, versions == null ? Integer.MAX_VALUE : versions.asInt());
    }

    /**
     * {@link #prune} of every space: a space that fails does not keep the others from being pruned; the last
     * failure is rethrown once all were tried (the schedule logs it).
     *
     * @return how many changes were removed
     */
    public long pruneEverySpace() {
        long removed = 0;
        RuntimeException failure = null;
        for (String space : store.spaces()) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            try {
                removed += prune(space);
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return removed;
    }

    private void forgetSnapshotsBefore(String space, Instant horizon) {
        try {
            engines.changeConfig(space, config -> {
                if (!(config.path(HistorySnapshots.KEY).get("snapshots") instanceof ArrayNode snapshots)) {
                    return false;
                }
                int before = snapshots.size();
                for (int i = snapshots.size() - 1; i >= 0; i--) {
                    if (Instant.parse(snapshots.get(i).path("@timestamp").asText()).isBefore(horizon)) {
                        snapshots.remove(i);
                    }
                }
                return snapshots.size() != before;
            });
        } catch (EntityNotFoundException uninstalled) {
            // nothing to forget
        }
    }
}
