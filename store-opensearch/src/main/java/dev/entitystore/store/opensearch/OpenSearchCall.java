package dev.entitystore.store.opensearch;

import java.io.IOException;

/** One request to the cluster, as the client's methods throw. */
@FunctionalInterface
interface OpenSearchCall<T> {
    T call() throws IOException;
}
