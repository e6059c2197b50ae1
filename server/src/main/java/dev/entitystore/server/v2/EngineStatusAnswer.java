package dev.entitystore.server.v2;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.api.model.EntityStoreEngine;
import dev.entitystore.api.model.EntityStoreStatusResponse;
import dev.entitystore.api.model.HistoryRetentionSettings;
import dev.entitystore.api.model.HistorySnapshotStatus;
import dev.entitystore.api.model.StoreStatus;
import dev.entitystore.domain.engine.EngineManager;
import dev.entitystore.server.engine.EngineComponents;
import java.util.ArrayList;
import java.util.List;

/**
 * The v2 status body: each engine's effective settings plus the legacy-compatible fields Kibana fills
 * in, and, when asked, the components that make the engine up here.
 */
final class EngineStatusAnswer {
    private final ObjectMapper lenient;

    EngineStatusAnswer(ObjectMapper mapper) {
        // Stored settings may hold more than the status shape reports (index patterns, docsLimit...).
        this.lenient = mapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    EntityStoreStatusResponse of(String space, EngineManager.StoreState state, boolean includeComponents) {
        List<EntityStoreEngine> engines = new ArrayList<>();
        for (EngineManager.EngineView view : state.engines()) {
            ObjectNode json = view.settings().deepCopy();
            json.put("type", view.engine().type().wireName());
            json.put("status", view.engine().status().wireName());
            json.put("docsPerSecond", -1);
            json.put("indexPattern", "");
            json.putNull("enrichPolicyExecutionInterval");
            json.put("timestampField", "@timestamp");
            json.put("maxPageSearchSize", 10000);
            EntityStoreEngine engine = lenient.convertValue(json, EntityStoreEngine.class);
            if (includeComponents) {
                engine.setComponents(EngineComponents.of(space, view.engine().type().wireName()));
            }
            engines.add(engine);
        }
        EntityStoreStatusResponse answer = new EntityStoreStatusResponse()
                .status(StoreStatus.fromValue(state.status().wireName()))
                .engines(engines)
                .excludedUserNames(state.excludedUserNames());
        if (state.history() != null) {
            answer.history(lenient.convertValue(state.history(), HistoryRetentionSettings.class));
        }
        if (state.historySnapshot() != null) {
            answer.historySnapshot(lenient.convertValue(state.historySnapshot(), HistorySnapshotStatus.class));
        }
        return answer;
    }
}
