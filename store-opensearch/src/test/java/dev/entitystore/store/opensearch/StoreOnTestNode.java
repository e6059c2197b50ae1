package dev.entitystore.store.opensearch;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.entitystore.domain.store.EntityStore;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * An {@link OpenSearchEntityStore} on the test node under an index prefix of its own, and the removal of
 * every index it made. One per test instance, so each test starts from an empty store.
 */
final class StoreOnTestNode {
    private final OpenSearchSettings settings = OpenSearchForTests.freshSettings();
    private OpenSearchConnection connection;

    EntityStore open() {
        connection = OpenSearchConnection.open(settings, new ObjectMapper());
        return OpenSearchEntityStore.open(connection, new IndexNames(settings.indexPrefix()));
    }

    /** The connection the store uses, for looking at the cluster directly. */
    OpenSearchConnection connection() {
        return connection;
    }

    /** The settings of this store, for a second store on the same indices (another server). */
    OpenSearchSettings settings() {
        return settings;
    }

    IndexNames names() {
        return new IndexNames(settings.indexPrefix());
    }

    /** Deletes every index under the prefix and closes the connection. */
    void discard() {
        if (connection == null) {
            return;
        }
        try {
            connection.client().indices().delete(d -> d.index(settings.indexPrefix() + "*"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            connection.close();
        }
    }
}
