package dev.entitystore.domain.engine;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/** An engine's log-extraction settings: the cadence each engine keeps, and the settings in force for it. */
final class EngineSettings {
    /** The settings an install or update puts on each engine rather than on the space. */
    static final List<String> CADENCE = List.of("frequency", "delay", "lookbackPeriod");

    private EngineSettings() {
    }

    /** Defaults, then the type's own default cadence, then the space's settings, then the type's own. */
    static ObjectNode inForce(Engine engine, ObjectNode global) {
        ObjectNode settings = EngineDefaults.logExtraction();
        String typeFrequency = EngineDefaults.frequencyOf(engine.type());
        if (typeFrequency != null) {
            settings.put("frequency", typeFrequency);
        }
        // A type with its own default cadence keeps it unless a frequency was given for the type itself
        // (install and update-config put explicit cadences on each type's own settings).
        global.fields().forEachRemaining(field -> {
            boolean typeKeepsOwnFrequency = typeFrequency != null && "frequency".equals(field.getKey());
            if (!typeKeepsOwnFrequency) {
                settings.set(field.getKey(), field.getValue().deepCopy());
            }
        });
        settings.setAll(engine.settings().deepCopy());
        return settings;
    }

    /** The cadence fields of log-extraction settings: what each engine keeps as its own. */
    static ObjectNode cadenceOf(ObjectNode logExtraction) {
        ObjectNode cadence = JsonNodeFactory.instance.objectNode();
        if (logExtraction != null) {
            for (String field : CADENCE) {
                if (logExtraction.has(field)) {
                    cadence.set(field, logExtraction.get(field).deepCopy());
                }
            }
        }
        return cadence;
    }

    /**
     * The engine's own {@code fieldHistoryLength}, else the space's ({@code global}, asked only then). Empty
     * when neither is set; a value below 1 would keep nothing and is ignored likewise.
     */
    static OptionalInt fieldHistoryLength(Engine engine, Supplier<ObjectNode> global) {
        JsonNode value = engine.settings().get(EngineManager.FIELD_HISTORY_LENGTH);
        if (value == null) {
            value = global.get().get(EngineManager.FIELD_HISTORY_LENGTH);
        }
        return value != null && value.canConvertToInt() && value.intValue() >= 1
                ? OptionalInt.of(value.intValue()) : OptionalInt.empty();
    }

    /** The space's log-extraction settings in its store configuration ({@code config}), empty when none. */
    static ObjectNode logExtractionOf(Optional<ObjectNode> config) {
        return config
                .map(c -> c.get("logExtraction"))
                .filter(JsonNode::isObject)
                .map(ObjectNode.class::cast)
                .orElseGet(JsonNodeFactory.instance::objectNode);
    }
}
