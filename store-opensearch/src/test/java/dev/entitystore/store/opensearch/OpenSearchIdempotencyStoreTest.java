package dev.entitystore.store.opensearch;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.entitystore.domain.idempotency.IdempotencyStore;
import dev.entitystore.domain.store.contract.IdempotencyStoreContract;
import org.junit.jupiter.api.AfterEach;

/** The idempotency port's contract on the OpenSearch test node, each test under an index prefix of its own. */
class OpenSearchIdempotencyStoreTest extends IdempotencyStoreContract {
    private final OpenSearchSettings settings = OpenSearchForTests.freshSettings();
    private OpenSearchConnection connection;

    @Override
    protected IdempotencyStore store() {
        connection = OpenSearchConnection.open(settings, new ObjectMapper());
        return new OpenSearchIdempotencyStore(connection, new IndexNames(settings.indexPrefix()));
    }

    @AfterEach
    void discard() {
        OpenSearchForTests.discard(connection, settings);
    }
}
