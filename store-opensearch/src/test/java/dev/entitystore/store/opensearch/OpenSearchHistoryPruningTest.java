package dev.entitystore.store.opensearch;

import dev.entitystore.domain.store.EntityStore;
import dev.entitystore.domain.store.contract.HistoryPruningContract;

/** {@link HistoryPruningContract} on the OpenSearch test node. */
class OpenSearchHistoryPruningTest extends HistoryPruningContract {
    private final StoreOnTestNode node = new StoreOnTestNode();

    @Override
    protected EntityStore openStore() {
        return node.open();
    }

    @Override
    protected void discardStore() {
        node.discard();
    }
}
