package dev.entitystore.domain.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.error.EntityNotFoundException;
import dev.entitystore.domain.query.Query;
import dev.entitystore.domain.search.EntitySearch;
import dev.entitystore.domain.search.SearchRequest;
import dev.entitystore.domain.search.SearchSort;
import dev.entitystore.domain.store.EntityStore;
import dev.entitystore.domain.write.ServerTimestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Kibana's history snapshots over the change log. Kibana copies the whole store into a dated index every
 * {@code frequency}; here every write is recorded already, so a snapshot is a bookmark: the time it was taken
 * and how many records were live then, and the store as it was then is read with {@code as_of} at that time.
 * A space's snapshots are started at install (as Kibana schedules its task at install), stopped and started
 * again through Kibana's enable and disable routes, and taken by {@link #takeDue} on the server's schedule.
 * State lives in the space's store configuration, under {@value #KEY}, so it follows the store to every server.
 */
public final class HistorySnapshots {
    static final String KEY = "historySnapshot";
    static final String STARTED = "started";
    static final String STOPPED = "stopped";
    /** Bookmarks kept per space, oldest dropped first (a thousand days at the default frequency). */
    static final int MAX_KEPT = 1_000;

    private final EngineManager engines;
    private final EntityStore store;
    private final EntitySearch search;
    private final Clock clock;

    public HistorySnapshots(EngineManager engines, EntityStore store, EntitySearch search, Clock clock) {
        this.engines = engines;
        this.store = store;
        this.search = search;
        this.clock = clock;
    }

    /**
     * Starts the space's snapshots and takes one now.
     *
     * @throws EntityNotFoundException when the store is not installed in the space
     */
    public void enable(String space) {
        engines.changeConfig(space, config -> {
            ObjectNode settings = settingsOf(config);
            settings.put("status", STARTED);
            return record(settings, clock.instant(), liveRecords(space));
        });
    }

    /**
     * Stops the space's snapshots; with {@code clear} forgets the ones taken too. Already stopped: nothing
     * changes, nothing is cleared (Kibana's route returns early likewise).
     *
     * @throws EntityNotFoundException when the store is not installed in the space
     */
    public void disable(String space, boolean clear) {
        engines.changeConfig(space, config -> {
            ObjectNode settings = settingsOf(config);
            if (STOPPED.equals(settings.path("status").asText(STARTED))) {
                return false;
            }
            settings.put("status", STOPPED);
            if (clear) {
                settings.remove("snapshots");
            }
            return true;
        });
    }

    /**
     * Takes a snapshot in every installed space whose snapshots are started and whose last one is at least a
     * {@code frequency} old (or that has none yet). A space uninstalled meanwhile is skipped.
     *
     * @return how many snapshots were taken
     */
    public int takeDue() {
        int taken = 0;
        for (String space : store.spaces()) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            if (engines.config(space).filter(this::due).isEmpty()) {
                continue;
            }
            try {
                // Checked again under the space's change: another server may have taken it meanwhile.
                if (engines.changeConfig(space,
                        config -> due(config) && record(settingsOf(config), clock.instant(), liveRecords(space)))) {
                    taken++;
                }
            } catch (EntityNotFoundException uninstalled) {
                // uninstalled since the check: nothing to snapshot
            }
        }
        return taken;
    }

    /**
     * The status block: {@code status}, {@code frequency}, {@code retentionDays} when the history has a retention
     * by age, and, once one was taken, {@code lastSnapshot}.
     */
    static ObjectNode statusOf(ObjectNode config) {
        ObjectNode settings = config.get(KEY) instanceof ObjectNode stored ? stored : JsonNodeFactory.instance.objectNode();
        ObjectNode status = JsonNodeFactory.instance.objectNode();
        status.put("status", settings.path("status").asText(STARTED));
        status.put("frequency", frequencyOf(settings));
        // Kibana's field: how long history is kept, here the change log's retention (HistoryRetention).
        HistoryRetention.settingsOf(config).map(retention -> retention.get(HistoryRetention.RETENTION_DAYS))
                .ifPresent(days -> status.set("retentionDays", days));
        JsonNode snapshots = settings.path("snapshots");
        if (snapshots.isArray() && !snapshots.isEmpty()) {
            status.set("lastSnapshot", snapshots.get(snapshots.size() - 1).deepCopy());
        }
        return status;
    }

    private boolean due(ObjectNode config) {
        ObjectNode settings = config.get(KEY) instanceof ObjectNode stored ? stored : JsonNodeFactory.instance.objectNode();
        if (!STARTED.equals(settings.path("status").asText(STARTED))) {
            return false;
        }
        JsonNode snapshots = settings.path("snapshots");
        if (!snapshots.isArray() || snapshots.isEmpty()) {
            return true;
        }
        Instant last = Instant.parse(snapshots.get(snapshots.size() - 1).path("@timestamp").asText());
        Duration frequency = DurationSetting.parse(frequencyOf(settings))
                .orElseGet(() -> DurationSetting.parse(EngineDefaults.HISTORY_SNAPSHOT_FREQUENCY).orElseThrow());
        return !last.plus(frequency).isAfter(clock.instant());
    }

    private static boolean record(ObjectNode settings, Instant at, long live) {
        ArrayNode snapshots = settings.get("snapshots") instanceof ArrayNode kept ? kept : settings.putArray("snapshots");
        ObjectNode snapshot = snapshots.addObject();
        snapshot.put("@timestamp", ServerTimestamp.format(at));
        snapshot.put("docCount", live);
        while (snapshots.size() > MAX_KEPT) {
            snapshots.remove(0);
        }
        return true;
    }

    private static ObjectNode settingsOf(ObjectNode config) {
        if (config.get(KEY) instanceof ObjectNode stored) {
            return stored;
        }
        return config.putObject(KEY);
    }

    private static String frequencyOf(ObjectNode settings) {
        return settings.hasNonNull("frequency") ? settings.get("frequency").asText() : EngineDefaults.HISTORY_SNAPSHOT_FREQUENCY;
    }

    /** The space's records now, counted by the search index (no record read). */
    private long liveRecords(String space) {
        return search.search(new SearchRequest(space, new Query.MatchAll(), SearchSort.newestFirst(), null, 0, 0, true)).total();
    }
}
