package dev.entitystore.server.engine;

import dev.entitystore.api.model.EngineComponentResource;
import dev.entitystore.api.model.EngineComponentStatus;
import java.util.List;

/**
 * What serves an engine here, as both generations' status report it with {@code include_components}: the
 * space's entity records (an {@code index}, named as Kibana's latest-index alias) and the engine's own
 * definition ({@code entity_definition}, named as Kibana names its definitions), in Kibana's
 * {@code EngineComponentResource} terms. There are no transforms, pipelines or tasks to report; we run no
 * extraction (product rules §3.4).
 */
public final class EngineComponents {
    private EngineComponents() {
    }

    public static List<EngineComponentStatus> of(String space, String engineType) {
        return List.of(
                new EngineComponentStatus().id("entities-latest-" + space).installed(true)
                        .resource(EngineComponentResource.INDEX),
                new EngineComponentStatus().id("security_" + engineType + "_" + space).installed(true)
                        .resource(EngineComponentResource.ENTITY_DEFINITION));
    }
}
