package dev.entitystore.domain.engine;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.entity.EntityType;

/**
 * The values Kibana reports for an engine whose settings were not given: its log-extraction defaults,
 * and the per-type cadences (service and generic run less often than host and user).
 */
public final class EngineDefaults {
    public static final String DELAY = "1m";
    public static final String LOOKBACK_PERIOD = "3h";
    public static final String FREQUENCY = "30s";
    public static final int FIELD_HISTORY_LENGTH = 10;
    public static final String HISTORY_SNAPSHOT_FREQUENCY = "24h";

    private EngineDefaults() {}

    /** The global log-extraction settings before anyone set one. */
    public static ObjectNode logExtraction() {
        ObjectNode defaults = JsonNodeFactory.instance.objectNode();
        defaults.put("filter", "");
        defaults.put("delay", DELAY);
        defaults.put("timeout", "25s");
        defaults.put("frequency", FREQUENCY);
        defaults.put("lookbackPeriod", LOOKBACK_PERIOD);
        defaults.put("fieldHistoryLength", FIELD_HISTORY_LENGTH);
        // Kibana 9.4.2's defaults (40,000 and defer before).
        defaults.put("maxLogsPerPage", 50000);
        defaults.put("maxTimeWindowSize", "15m");
        defaults.put("maxLogsPerWindow", 500000);
        defaults.put("maxLogsPerWindowCapBehavior", "drop");
        return defaults;
    }

    /** A type's own default cadence, where it differs from the global one. */
    public static String frequencyOf(EntityType type) {
        return switch (type) {
            case SERVICE -> "10m";
            case GENERIC -> "30m";
            default -> null;
        };
    }
}
