package dev.entitystore.domain.engine.legacy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.engine.EngineManager.EngineView;

/**
 * A v1 engine descriptor ({@code type}, {@code status}, {@code indexPattern}, {@code fieldHistoryLength},
 * the cadence and the rest of v1's init settings) of any engine, whichever generation installed it: the
 * engine's settings in force, with v1's defaults for the fields only v1 has. So an engine installed by
 * v2 reports v2's cadence here, and one initialised by v1 reports what its init said.
 */
public final class LegacyEngineDescriptor {
    private LegacyEngineDescriptor() {
    }

    public static ObjectNode of(EngineView view) {
        ObjectNode descriptor = LegacyEngineSettings.defaults();
        descriptor.put("indexPattern", "");
        descriptor.setAll(view.settings().deepCopy());
        descriptor.put("type", view.engine().type().wireName());
        descriptor.put("status", view.engine().status().wireName());
        return descriptor;
    }
}
