package dev.entitystore.domain.engine.legacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.engine.DurationSetting;
import dev.entitystore.domain.error.InvalidRequestException;
import java.time.Duration;
import java.util.Optional;

/**
 * The body of a v1 engine init (and enable): Kibana's defaults for what the caller left out, and the one
 * rule beyond the schema's patterns. We run no transform (product rules §3.4), but the values are stored, reported
 * in the engine's descriptor, and {@code fieldHistoryLength} limits v1's collect merge.
 */
public final class LegacyEngineSettings {
    static final String ENRICH_INTERVAL_TOO_LONG = "[request body]: The enrich policy execution interval must "
            + "be less than or equal to half the duration of the lookback period.";

    private LegacyEngineSettings() {
    }

    /** Kibana's defaults of the init body (the published page's, newest version). */
    static ObjectNode defaults() {
        ObjectNode defaults = JsonNodeFactory.instance.objectNode();
        defaults.put("fieldHistoryLength", 10);
        defaults.put("timestampField", "@timestamp");
        defaults.put("lookbackPeriod", "24h");
        defaults.put("timeout", "180s");
        defaults.put("frequency", "1m");
        defaults.put("delay", "1m");
        defaults.put("docsPerSecond", 10000);
        defaults.put("maxPageSearchSize", 500);
        return defaults;
    }

    /**
     * The settings to store for an init: the defaults, overridden by what was given (every key of the
     * body; {@code entityTypes} of enable is not a setting and is left out).
     *
     * @throws InvalidRequestException when the enrich policy would run less often than twice per lookback
     *     period (Kibana's rule, so that it runs at least once within it)
     */
    public static ObjectNode of(ObjectNode given) {
        ObjectNode settings = defaults();
        if (given != null) {
            settings.setAll(given.deepCopy());
        }
        settings.remove("entityTypes");
        checkEnrichInterval(settings);
        return settings;
    }

    private static void checkEnrichInterval(ObjectNode settings) {
        Optional<Duration> interval = duration(settings.get("enrichPolicyExecutionInterval"));
        Optional<Duration> lookback = duration(settings.get("lookbackPeriod"));
        if (interval.isPresent() && lookback.isPresent()
                && interval.get().multipliedBy(2).compareTo(lookback.get()) > 0) {
            throw new InvalidRequestException(ENRICH_INTERVAL_TOO_LONG);
        }
    }

    /** Durations Kibana could parse; others (the schema only checks the unit) are left alone. */
    private static Optional<Duration> duration(JsonNode value) {
        return value != null && value.isTextual() ? DurationSetting.parse(value.textValue()) : Optional.empty();
    }
}
