package dev.entitystore.store.opensearch;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.entitystore.domain.profile.ProfileStore;
import dev.entitystore.domain.store.contract.ProfileStoreContract;
import org.junit.jupiter.api.AfterEach;

/** The profile port's contract on the OpenSearch test node, each test under an index prefix of its own. */
class OpenSearchProfileStoreTest extends ProfileStoreContract {
    private final OpenSearchSettings settings = OpenSearchForTests.freshSettings();
    private OpenSearchConnection connection;

    @Override
    protected ProfileStore store() {
        connection = OpenSearchConnection.open(settings, new ObjectMapper());
        return new OpenSearchProfileStore(connection, new IndexNames(settings.indexPrefix()));
    }

    @AfterEach
    void discard() {
        OpenSearchForTests.discard(connection, settings);
    }
}
