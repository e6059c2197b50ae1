package dev.entitystore.store.opensearch;

import dev.entitystore.domain.store.EntityMerge;
import dev.entitystore.domain.store.MergeDecision;
import dev.entitystore.domain.store.StoredEntity;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs merge functions and refuses writes made from inside one, as the port asks: such a write would not
 * be ordered against the merge it is part of (the embedded store refuses it for the same reason).
 */
final class MergeGuard {
    private final ThreadLocal<Boolean> inside = ThreadLocal.withInitial(() -> false);

    MergeDecision apply(EntityMerge merge, Optional<StoredEntity> current) {
        inside.set(true);
        try {
            return Objects.requireNonNull(merge.apply(current), "merge function returned null");
        } finally {
            inside.set(false);
        }
    }

    void refuseWriteFromMerge() {
        if (inside.get()) {
            throw new IllegalStateException("the entity store was called from inside a merge function");
        }
    }
}
