package dev.entitystore.server.engine;

import dev.entitystore.api.model.EngineComponentStatus;
import java.util.List;

/**
 * What serves an engine here, as both generations' status report it with {@code include_components}: the
 * space's entity records and the engine's own definition. There are no transforms, pipelines or tasks
 * to report; we run no extraction (product rules §3.4).
 */
public final class EngineComponents {
    private EngineComponents() {
    }

    public static List<EngineComponentStatus> of(String space, String engineType) {
        return List.of(
                new EngineComponentStatus().id("entities-latest-" + space).installed(true).resource("entity_store"),
                new EngineComponentStatus().id("entity_engine-" + engineType + "-" + space).installed(true)
                        .resource("engine"));
    }
}
