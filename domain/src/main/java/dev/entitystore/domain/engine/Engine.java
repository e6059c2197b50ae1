package dev.entitystore.domain.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.entity.EntityType;
import java.time.Instant;

/**
 * One installed engine of a space: its type, state, when it was installed, and the settings given for
 * this type alone (cadence overrides from v2, the init body from v1), which win over the space's.
 */
public record Engine(EntityType type, EngineStatus status, Instant installedAt, ObjectNode settings) {

    static final String KEY_PREFIX = "engine:";

    public Engine withStatus(EngineStatus newStatus) {
        return new Engine(type, newStatus, installedAt, settings);
    }

    public Engine withSettings(ObjectNode newSettings) {
        return new Engine(type, status, installedAt, newSettings);
    }

    static String keyOf(EntityType type) {
        return KEY_PREFIX + type.wireName();
    }

    ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("type", type.wireName());
        json.put("status", status.wireName());
        json.put("installedAt", installedAt.toString());
        json.set("settings", settings.deepCopy());
        return json;
    }

    static Engine fromJson(ObjectNode json) {
        JsonNode settings = json.get("settings");
        return new Engine(
                EntityType.fromWireName(json.path("type").asText()).orElseThrow(),
                EngineStatus.fromWireName(json.path("status").asText()),
                Instant.parse(json.path("installedAt").asText()),
                settings instanceof ObjectNode object ? object : JsonNodeFactory.instance.objectNode());
    }
}
