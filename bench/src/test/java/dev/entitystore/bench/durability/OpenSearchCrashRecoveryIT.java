package dev.entitystore.bench.durability;

import dev.entitystore.store.opensearch.OpenSearchForTests;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * {@link CrashRecoveryIT}'s rounds on the OpenSearch backend, where an entity write and its change record are
 * two requests (the change travels inside the entity document and is written to the changes index after it;
 * the record's next writer, a history read or the recovery writes what a kill left): after every SIGKILL and
 * restart, every acknowledged write is there, and the feed holds each exactly once, in order. Runs on the
 * store's tests' node ({@link OpenSearchForTests}: {@code ENTITY_STORE_TEST_OPENSEARCH_URL}, or one it starts),
 * under an index prefix of its own that it deletes at the end. Its restarts take minutes on a loaded machine,
 * so it runs only with {@code -Dentity-store.opensearch-crash=true}.
 */
@EnabledIfSystemProperty(named = "entity-store.opensearch-crash", matches = "true")
class OpenSearchCrashRecoveryIT extends CrashRecoveryIT {
    private final String prefix = "crash-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private String url;

    @BeforeEach
    void node() {
        url = OpenSearchForTests.url();
    }

    @AfterEach
    void deleteIndices() throws IOException, InterruptedException {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/" + prefix + "*")).DELETE().build(),
                HttpResponse.BodyHandlers.discarding());
    }

    @Override
    protected Map<String, String> backend() {
        return Map.of("ENTITY_STORE_BACKEND", "opensearch", "ENTITY_STORE_OPENSEARCH_URL", url,
                "ENTITY_STORE_OPENSEARCH_INDEX_PREFIX", prefix);
    }

    /** OpenSearch's bulk writes record by record (docs/decisions.md): a kill may leave part of one, each with its change. */
    @Override
    protected boolean bulksAreOneUnit() {
        return false;
    }

    @Override
    protected Path serverLog() {
        return Path.of("target", "opensearch-crash-recovery-server.log");
    }
}
