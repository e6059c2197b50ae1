package dev.entitystore.domain.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.entitystore.domain.error.EntityNotFoundException;
import dev.entitystore.domain.error.InvalidRequestException;
import dev.entitystore.domain.query.Query;
import dev.entitystore.domain.search.EntitySearch;
import dev.entitystore.domain.search.SearchRequest;
import dev.entitystore.domain.search.SearchSort;
import dev.entitystore.domain.store.EntityStore;
import dev.entitystore.domain.write.ServerTimestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Kibana's history snapshots over the change log. Kibana copies the whole store into a dated index every
 * {@code frequency}; here every write is recorded already, so a snapshot is a bookmark: the time it was taken
 * and how many records were live then, and the store as it was then is read with {@code as_of} at that time.
 * A space's snapshots are started at install (as Kibana schedules its task at install), stopped and started
 * again through Kibana's enable and disable routes, and taken by {@link #takeDue} on the server's schedule or at
 * once by {@link #force}. The cadence is a fixed {@code frequency} from the last snapshot, or, once a
 * {@code timezone} is set ({@link #changeCadence}), every midnight in that zone. State lives in the space's store configuration, under {@value #KEY}, so it follows the store to every server.
 */
public final class HistorySnapshots {
    static final String KEY = "historySnapshot";
    static final String STARTED = "started";
    static final String STOPPED = "stopped";
    /** Bookmarks kept per space, oldest dropped first (a thousand days at the default frequency). */
    static final int MAX_KEPT = 1_000;
    /** The interval a midnight schedule amounts to, reported as its {@code frequency}. */
    static final String DAILY = "24h";
    private static final DateTimeFormatter INDEX_HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd-HH").withZone(ZoneOffset.UTC);

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

    /** What {@link #force} did: a snapshot taken (its time and record count), or none because snapshots are stopped. */
    public record Forced(Optional<Instant> at, long docCount) {
        /** Kibana's name for the snapshot (its dated history index; here the name of a bookmark). */
        public String indexName(String space) {
            return ".entities.v2.history.security_" + space + "." + INDEX_HOUR.format(at.orElseThrow());
        }
    }

    /**
     * Takes a snapshot of the space now when its snapshots are started (Kibana's {@code force_history_snapshot});
     * stopped, takes none.
     *
     * @throws EntityNotFoundException when the store is not installed in the space
     */
    public Forced force(String space) {
        Instant[] at = new Instant[1];
        long[] live = new long[1];
        engines.changeConfig(space, config -> {
            ObjectNode settings = settingsOf(config);
            if (!STARTED.equals(settings.path("status").asText(STARTED))) {
                return false;
            }
            at[0] = clock.instant();
            live[0] = liveRecords(space);
            return record(settings, at[0], live[0]);
        });
        return new Forced(Optional.ofNullable(at[0]), live[0]);
    }

    /**
     * Kibana's cadence switch: a {@code timezone} (an IANA zone id) makes the snapshots daily at that zone's
     * midnight (a {@code frequency} sent with it is checked, then the frequency reads {@value #DAILY}); a
     * {@code frequency} alone makes them a fixed interval from the last one. The snapshots taken and the
     * started/stopped state are kept.
     *
     * @throws InvalidRequestException when neither is given or one is not valid
     * @throws EntityNotFoundException when the store is not installed in the space
     */
    public void changeCadence(String space, String frequency, String timezone) {
        if (frequency == null && timezone == null) {
            throw new InvalidRequestException("[request body]: Provide a timezone to switch to a midnight schedule,"
                    + " or a frequency to switch to a fixed interval");
        }
        if (frequency != null && !LogExtractionValidator.isHistoryFrequency(TextNode.valueOf(frequency))) {
            throw new InvalidRequestException("[request body]: frequency: " + LogExtractionValidator.HISTORY_FREQUENCY);
        }
        ZoneId zone = timezone == null ? null : zone(timezone);
        engines.changeConfig(space, config -> {
            ObjectNode settings = settingsOf(config);
            if (zone != null) {
                settings.put("frequency", DAILY).put("timezone", zone.getId());
            } else {
                settings.put("frequency", frequency).remove("timezone");
            }
            return true;
        });
    }

    private static ZoneId zone(String timezone) {
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException e) {
            throw new InvalidRequestException("[request body]: timezone: must be a valid IANA time zone (e.g. Europe/Berlin,"
                    + " UTC), got '" + timezone + "'");
        }
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
        if (settings.hasNonNull("timezone")) {
            status.put("timezone", settings.get("timezone").asText());
        }
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
        if (settings.hasNonNull("timezone")) {
            ZoneId zone = ZoneId.of(settings.get("timezone").asText());
            // atStartOfDay: where a DST change skips midnight, the day starts at the first instant it has.
            ZonedDateTime nextMidnight = last.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone);
            return !nextMidnight.toInstant().isAfter(clock.instant());
        }
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
