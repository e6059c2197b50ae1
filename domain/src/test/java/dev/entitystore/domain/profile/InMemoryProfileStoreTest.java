package dev.entitystore.domain.profile;

import dev.entitystore.domain.store.contract.ProfileStoreContract;
import dev.entitystore.domain.testing.InMemoryProfileStore;

/** The contract against the in-memory reference the domain's tests use. */
class InMemoryProfileStoreTest extends ProfileStoreContract {
    @Override
    protected ProfileStore store() {
        return new InMemoryProfileStore();
    }
}
