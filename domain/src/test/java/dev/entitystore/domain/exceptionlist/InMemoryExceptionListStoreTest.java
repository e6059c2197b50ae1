package dev.entitystore.domain.exceptionlist;

import dev.entitystore.domain.store.contract.ExceptionListStoreContract;
import dev.entitystore.domain.testing.InMemoryExceptionListStore;

/** The reference adapter keeps the port's contract too. */
class InMemoryExceptionListStoreTest extends ExceptionListStoreContract {
    @Override
    protected ExceptionListStore store() {
        return new InMemoryExceptionListStore();
    }
}
