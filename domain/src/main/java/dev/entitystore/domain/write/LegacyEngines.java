package dev.entitystore.domain.write;

import dev.entitystore.domain.entity.EntityType;
import java.util.OptionalInt;

/**
 * What a v1 write needs to know of the space's engines: whether the type's engine is started (v1 writes
 * need it, product rules §3.6) and its {@code fieldHistoryLength}, the limit of the collect merge (product rules §3.4).
 * The server's use case answers from engine state; the planners stay free of storage.
 */
public interface LegacyEngines {
    boolean isRunning(EntityType type);

    OptionalInt fieldHistoryLength(EntityType type);
}
