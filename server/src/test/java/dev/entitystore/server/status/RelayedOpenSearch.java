package dev.entitystore.server.status;

import dev.entitystore.store.opensearch.OpenSearchForTests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * The test node behind a {@link TcpRelay}, under an index prefix of its own: a server configured with
 * {@link #serverEnvironment()} reaches the cluster only through the relay, which the test can cut.
 */
final class RelayedOpenSearch {
    private final URI node = URI.create(OpenSearchForTests.url());
    private final String prefix = OpenSearchForTests.freshSettings().indexPrefix();
    private final TcpRelay relay;

    RelayedOpenSearch() {
        try {
            relay = new TcpRelay(node.getHost(), node.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TcpRelay relay() {
        return relay;
    }

    Map<String, String> serverEnvironment() {
        return Map.of("ENTITY_STORE_BACKEND", "opensearch", "ENTITY_STORE_OPENSEARCH_URL", "http://127.0.0.1:" + relay.port(),
                "ENTITY_STORE_OPENSEARCH_INDEX_PREFIX", prefix);
    }

    /** Closes the relay and deletes the indices of the prefix, straight on the node. */
    void close() throws IOException, InterruptedException {
        relay.close();
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(node.resolve("/" + prefix + "*")).DELETE().build(),
                HttpResponse.BodyHandlers.discarding());
    }
}
