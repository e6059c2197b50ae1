package dev.entitystore.store.opensearch;

import dev.entitystore.domain.store.EntityStore;
import dev.entitystore.domain.store.contract.ConcurrentMergeContract;

class OpenSearchConcurrentMergeTest extends ConcurrentMergeContract {
    private final StoreOnTestNode node = new StoreOnTestNode();

    @Override
    protected EntityStore openStore() {
        return node.open();
    }

    @Override
    protected void discardStore() {
        node.discard();
    }

    /** Each write waits for a refresh (~0.1 s): fewer rounds, the same contention (16 writers of one record). */
    @Override
    protected int concurrentRounds() {
        return 12;
    }
}
