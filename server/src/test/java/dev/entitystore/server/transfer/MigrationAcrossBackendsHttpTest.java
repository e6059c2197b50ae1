package dev.entitystore.server.transfer;

import static dev.entitystore.server.transfer.TransferCalls.export;
import static dev.entitystore.server.transfer.TransferCalls.importAndWait;
import static dev.entitystore.server.transfer.TransferCalls.install;
import static dev.entitystore.server.transfer.TransferCalls.records;
import static dev.entitystore.server.transfer.TransferCalls.v2;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entitystore.server.HttpClientForTests;
import dev.entitystore.server.HttpClientForTests.Answer;
import dev.entitystore.server.RunningServer;
import dev.entitystore.store.opensearch.OpenSearchAddresses;
import dev.entitystore.store.opensearch.OpenSearchForTests;
import dev.entitystore.store.opensearch.OpenSearchSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The migration path between the backends (issue 20, item 4): an export of one store, imported into an
 * empty store of the other backend, gives the same records (every field but the write time), both ways and
 * in both formats.
 */
class MigrationAcrossBackendsHttpTest {
    static final int SEEDED = 9;
    static final OpenSearchSettings NODE = OpenSearchForTests.freshSettings();

    @RegisterExtension
    static RunningServer embedded = new RunningServer();
    @RegisterExtension
    static RunningServer openSearch = new RunningServer(Map.of("ENTITY_STORE_BACKEND", "opensearch",
            "ENTITY_STORE_OPENSEARCH_URL", OpenSearchAddresses.show(NODE.urls()), "ENTITY_STORE_OPENSEARCH_INDEX_PREFIX", NODE.indexPrefix()));

    @AfterAll
    static void deleteIndices() throws IOException, InterruptedException {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(OpenSearchForTests.url() + "/" + NODE.indexPrefix() + "*"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    static void seed(HttpClientForTests client, String space) {
        install(client, space);
        String[][] entities = {
                {"host", "{\"host\":{\"name\":\"db-01\",\"ip\":[\"10.0.0.9\"],\"os\":{\"name\":\"linux\"}},"
                        + "\"entity\":{\"attributes\":{\"watchlists\":[\"crown|jewels\"],\"managed\":true}}}"},
                {"user", "{\"entity\":{\"id\":\"user:ann@unknown\"},\"user\":{\"name\":\"ann\"}}"},
                {"service", "{\"service\":{\"name\":\"+payments\"},\"entity\":{\"risk\":{\"calculated_score\":7}}}"},
                {"generic", "{\"entity\":{\"id\":\"s3://bucket\",\"type\":\"bucket\"}}"}};
        for (String[] entity : entities) {
            Answer answer = client.post(v2(space) + "/entities/" + entity[0], entity[1]);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        }
        // v1 names a record by entity.id alone: records with no identity field, or whose identity fields
        // derive another EUID, and v1's own fields (privileged, flat relationships).
        String[][] legacy = {
                {"host", "{\"entity\":{\"id\":\"lone-host\",\"attributes\":{\"privileged\":true}}}"},
                {"host", "{\"entity\":{\"id\":\"web-legacy\"},\"host\":{\"name\":\"web-legacy\",\"ip\":[\"10.1.1.1\"]}}"},
                {"user", "{\"entity\":{\"id\":\"legacy-user\",\"relationships\":{\"owns\":[\"web-legacy\"]}}}"},
                {"service", "{\"entity\":{\"id\":\"svc-legacy\",\"behaviors\":{\"used_usb_device\":true}}}"}};
        for (String[] entity : legacy) {
            Answer answer = client.put("/s/" + space + "/api/entity_store/entities/" + entity[0] + "?force=true", entity[1]);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        }
        Answer criticality = client.post("/s/" + space + "/api/asset_criticality",
                "{\"id_field\":\"host.name\",\"id_value\":\"not-seen-yet\",\"criticality_level\":\"extreme_impact\"}");
        assertThat(criticality.status()).as(criticality.body()).isEqualTo(200);
    }

    static void migrate(RunningServer from, RunningServer to, String format) {
        String space = "migrate-" + (from == embedded ? "from-embedded-" : "from-opensearch-") + format;
        seed(from.client(), space);
        Answer exported = export(from.client(), space, "?format=" + format);
        assertThat(exported.status()).as(exported.body()).isEqualTo(200);
        install(to.client(), space);
        JsonNode job = importAndWait(to.client(), space, "?format=" + format,
                format.equals("csv") ? "text/csv" : "application/x-ndjson", exported.body());
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("done");
        assertThat(job.path("created").asLong()).as(job.toString()).isEqualTo(SEEDED);
        Map<String, JsonNode> original = records(from.client(), space);
        assertThat(original).hasSize(SEEDED);
        assertThat(records(to.client(), space)).isEqualTo(original);
    }

    @Test
    void anEmbeddedNdjsonExportImportedIntoOpenSearchGivesTheSameRecords() {
        migrate(embedded, openSearch, "ndjson");
    }

    @Test
    void anOpenSearchCsvExportImportedIntoTheEmbeddedStoreGivesTheSameRecords() {
        migrate(openSearch, embedded, "csv");
    }

    @Test
    void anEmbeddedCsvExportImportedIntoOpenSearchGivesTheSameRecords() {
        migrate(embedded, openSearch, "csv");
    }

    @Test
    void anOpenSearchNdjsonExportImportedIntoTheEmbeddedStoreGivesTheSameRecords() {
        migrate(openSearch, embedded, "ndjson");
    }
}
