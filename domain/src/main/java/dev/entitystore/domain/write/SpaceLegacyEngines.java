package dev.entitystore.domain.write;

import dev.entitystore.domain.engine.EngineManager;
import dev.entitystore.domain.entity.EntityType;
import java.util.OptionalInt;

/** {@link LegacyEngines} of one space, answered from the engine state both API generations share. */
final class SpaceLegacyEngines implements LegacyEngines {
    private final EngineManager engines;
    private final String space;

    SpaceLegacyEngines(EngineManager engines, String space) {
        this.engines = engines;
        this.space = space;
    }

    @Override
    public boolean isRunning(EntityType type) {
        return engines.isStarted(space, type);
    }

    @Override
    public OptionalInt fieldHistoryLength(EntityType type) {
        return engines.fieldHistoryLength(space, type);
    }
}
