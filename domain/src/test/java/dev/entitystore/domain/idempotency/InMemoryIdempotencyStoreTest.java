package dev.entitystore.domain.idempotency;

import dev.entitystore.domain.store.contract.IdempotencyStoreContract;
import dev.entitystore.domain.testing.InMemoryIdempotencyStore;

/** The contract against the in-memory reference the domain's tests use. */
class InMemoryIdempotencyStoreTest extends IdempotencyStoreContract {
    @Override
    protected IdempotencyStore store() {
        return new InMemoryIdempotencyStore();
    }
}
