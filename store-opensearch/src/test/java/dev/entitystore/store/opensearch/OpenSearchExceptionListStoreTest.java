package dev.entitystore.store.opensearch;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.entitystore.domain.exceptionlist.ExceptionListStore;
import dev.entitystore.domain.store.contract.ExceptionListStoreContract;
import org.junit.jupiter.api.AfterEach;

/** The exception-list port's contract on the OpenSearch test node, each test under an index prefix of its own. */
class OpenSearchExceptionListStoreTest extends ExceptionListStoreContract {
    private final OpenSearchSettings settings = OpenSearchForTests.freshSettings();
    private OpenSearchConnection connection;

    @Override
    protected ExceptionListStore store() {
        connection = OpenSearchConnection.open(settings, new ObjectMapper());
        return new OpenSearchExceptionListStore(connection, new IndexNames(settings.indexPrefix()));
    }

    @AfterEach
    void discard() {
        OpenSearchForTests.discard(connection, settings);
    }
}
