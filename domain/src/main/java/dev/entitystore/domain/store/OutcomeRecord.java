package dev.entitystore.domain.store;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The record an outcome reports, made when first asked for. A store that keeps what it wrote only as
 * serialised bytes need not hold every written record's tree until its caller has the answer: most
 * callers never read it (a bulk answers statuses only).
 */
final class OutcomeRecord {
    private Supplier<Optional<StoredEntity>> supplier;
    private Optional<StoredEntity> entity;

    OutcomeRecord(Optional<StoredEntity> entity) {
        this.entity = entity;
    }

    OutcomeRecord(Supplier<Optional<StoredEntity>> supplier) {
        this.supplier = supplier;
    }

    synchronized Optional<StoredEntity> get() {
        if (entity == null) {
            entity = supplier.get();
            supplier = null;
        }
        return entity;
    }
}
