package dev.entitystore.domain.store.contract;

import dev.entitystore.domain.store.EntityStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of the storage port's contract suites: each test gets a fresh, empty store from the adapter's
 * subclass and closes it afterwards. Every adapter runs every suite, so what the domain relies on holds
 * on each; what only one adapter promises is tested in that adapter's subclass.
 */
public abstract class StoreContract {
    protected EntityStore store;

    /** A store with no records and no settings. */
    protected abstract EntityStore openStore();

    /** Called after the test's store is closed, e.g. to drop what it left on a shared backend. */
    protected void discardStore() {
    }

    /** How many rounds the concurrency tests run per thread; a remote store waits for visibility on each write. */
    protected int concurrentRounds() {
        return 200;
    }

    @BeforeEach
    final void openFreshStore() {
        store = openStore();
    }

    @AfterEach
    final void closeStore() {
        try {
            store.close();
        } finally {
            discardStore();
        }
    }
}
