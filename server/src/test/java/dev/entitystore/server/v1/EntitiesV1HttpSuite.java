package dev.entitystore.server.v1;

import static dev.entitystore.server.ErrorAssertions.assertError;
import static dev.entitystore.server.v1.EnginesV1HttpTest.v1;
import static dev.entitystore.server.v1.EnginesV1HttpTest.v2;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entitystore.server.HttpClientForTests;
import dev.entitystore.server.HttpClientForTests.Answer;
import dev.entitystore.server.RunningServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The legacy v1 entity routes (product rules §3.6–§3.8, §3.13) on the store v2
 * reads: written and readable when answered, by both generations. The shared space {@code v1} has the
 * four engines initialised; tests that change engine state use their own space.
 */
abstract class EntitiesV1HttpSuite {
    @RegisterExtension
    static RunningServer server = new RunningServer();

    static final String SPACE = "v1";
    static final String RESTRICTED = "The following attributes are not allowed to be updated without forcing it "
            + "(?force=true): ";

    @BeforeAll
    static void enable() {
        assertThat(client().post(v1(SPACE) + "/enable", "{}").status()).isEqualTo(200);
    }

    static HttpClientForTests client() {
        return server.client();
    }

    static Answer upsert(String space, String type, String query, String body) {
        return client().put(v1(space) + "/entities/" + type + query, body);
    }

    static JsonNode upsertOk(String type, String query, String body) {
        Answer answer = upsert(SPACE, type, query, body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    static Answer deleteEntity(String space, String type, String body) {
        return client().request("DELETE", v1(space) + "/entities/" + type).json(body).send();
    }

    static Answer v2Get(String space, String type, String id) {
        return client().get(v2(space) + "/entities/" + type + "/" + id);
    }

    static JsonNode v2GetOk(String space, String type, String id) {
        Answer answer = v2Get(space, type, id);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    @Test
    void upsertCreatesAndAnswersTheStoredRecordWhichV2ReadsAtOnce() {
        JsonNode stored = upsertOk("host", "",
                "{\"entity\":{\"id\":\"host:web-01\",\"attributes\":{\"watchlists\":[\"crown-jewels\"]}},"
                        + "\"host\":{\"name\":\"web-01\"}}");
        assertThat(stored.path("entity").path("id").asText()).isEqualTo("host:web-01");
        assertThat(stored.path("entity").path("name").asText()).isEqualTo("host:web-01");
        assertThat(stored.path("entity").path("EngineMetadata").path("Type").asText()).isEqualTo("host");
        assertThat(stored.path("host").path("name").asText()).isEqualTo("web-01");
        assertThat(stored.path("@timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(v2GetOk(SPACE, "host", "host:web-01")).isEqualTo(stored);
    }

    @Test
    void flatKeysAreUnflattened() {
        JsonNode stored = upsertOk("generic", "", "{\"entity.id\":\"flat-v1\",\"entity.attributes.managed\":true}");
        assertThat(stored.path("entity").path("attributes").path("managed").asBoolean()).isTrue();
    }

    @Test
    void entityIdIsRequired() {
        assertError(upsert(SPACE, "host", "", "{\"entity\":{\"attributes\":{\"managed\":true}}}"), 400, "Bad Request",
                "[request body]: entity.id: Required");
    }

    @Test
    void restrictedFieldsWithoutForceAre400AndWriteNothing() {
        // Kibana's v1 wording, fields in document order; 400 as Kibana's v1 route answers its
        // BadCRUDRequestError (issue 16, item 10: the published page's 403 was never what Kibana answered)
        assertError(upsert(SPACE, "host", "", "{\"entity\":{\"id\":\"host:restricted\",\"type\":\"server\","
                        + "\"sub_type\":\"vm\"},\"host\":{\"os\":{\"name\":\"linux\"}}}"), 400, "Bad Request",
                RESTRICTED + "entity.type, entity.sub_type, host.os.name");
        assertThat(v2Get(SPACE, "host", "host:restricted").status()).isEqualTo(404);
        JsonNode forced = upsertOk("host", "?force=true", "{\"entity\":{\"id\":\"host:restricted\",\"type\":\"server\","
                + "\"sub_type\":\"vm\"},\"host\":{\"os\":{\"name\":\"linux\"}}}");
        assertThat(forced.path("entity").path("type").asText()).isEqualTo("server");
    }

    @Test
    void v1SkipsOnlyItsOneIdentityFieldSoHostIdNeedsForce() {
        // issue 16, item 8: v1's identity is host.name alone; host.id is an ordinary restricted field there
        assertError(upsert(SPACE, "host", "", "{\"entity\":{\"id\":\"host:one-identity\",\"attributes\":{\"managed\":true}},"
                        + "\"host\":{\"name\":\"one-identity\",\"id\":[\"hid-1\"]}}"), 400, "Bad Request",
                RESTRICTED + "host.id");
        assertThat(v2Get(SPACE, "host", "host:one-identity").status()).isEqualTo(404);
        JsonNode forced = upsertOk("host", "?force=true", "{\"entity\":{\"id\":\"host:one-identity\"},"
                + "\"host\":{\"name\":\"one-identity\",\"id\":[\"hid-1\"]}}");
        assertThat(forced.at("/host/id/0").asText()).isEqualTo("hid-1");
        assertThat(v2Get(SPACE, "host", "host:one-identity").status()).isEqualTo(200);
    }

    @Test
    void unknownFieldsAre400WithV1sWording() {
        assertError(upsert(SPACE, "generic", "", "{\"entity\":{\"id\":\"unknown-1\",\"schema_version\":\"1\"},"
                        + "\"tags\":[\"x\"]}"), 400, "Bad Request",
                "The following attributes are not allowed to be updated: entity.schema_version, tags");
        assertError(upsert(SPACE, "generic", "", "{\"entity\":{\"id\":\"unknown-1\",\"bogus\":1}}"), 400, "Bad Request",
                "[request body]: entity: Unrecognized key: \"bogus\"");
    }

    @Test
    void anUpsertThatChangesNothingButItsIdentityIs400() {
        assertError(upsert(SPACE, "host", "", "{\"entity\":{\"id\":\"host:only-id\"},\"host\":{\"name\":\"only-id\"}}"),
                400, "Bad Request", "The request doesn't contain any update");
    }

    @Test
    void aValidUpdateStoresKeysAsSent() {
        // Keys are stored as sent, without v1's capitalising (product rules §3.13)
        upsertOk("user", "", "{\"entity\":{\"id\":\"user:alice@unknown\",\"attributes\":{\"managed\":true}}}");
        JsonNode stored = upsertOk("user", "?force=true", "{\"entity\":{\"id\":\"user:alice@unknown\","
                + "\"lifecycle\":{\"first_seen\":\"2026-01-15T10:00:00.000Z\"}}}");
        assertThat(stored.path("entity").path("lifecycle").path("first_seen").asText()).isEqualTo("2026-01-15T10:00:00.000Z");
        assertThat(stored.path("entity").path("attributes").path("managed").asBoolean()).isTrue();
        assertThat(stored.path("entity").has("Lifecycle")).isFalse();
    }

    @Test
    void entityStaysAtTheRootAndForcedHostFieldsAreWrittenAsSent() {
        // v1 keeps entity at the document's root; forced host fields are written as sent
        JsonNode stored = upsertOk("host", "?force=true", "{\"entity\":{\"id\":\"host:h57\",\"attributes\":"
                + "{\"asset\":true}},\"host\":{\"name\":\"h57-name\",\"id\":[\"h57-id\"]}}");
        assertThat(stored.path("entity").path("id").asText()).isEqualTo("host:h57");
        assertThat(stored.path("host").path("name").asText()).isEqualTo("h57-name");
        assertThat(stored.path("host").path("id").get(0).asText()).isEqualTo("h57-id");
        assertThat(stored.path("host").has("entity")).isFalse();
    }

    @Test
    void engineNotRunningIs503UntilStarted() {
        // A v1 write to a type whose engine is not running is 503 (product rules §3.6)
        String space = "v1-stopped";
        String body = "{\"entity\":{\"id\":\"host:s\",\"attributes\":{\"managed\":true}}}";
        assertError(upsert(space, "host", "", body), 503, "Service Unavailable", "Entity Engine 'host' is not running");
        client().post(v1(space) + "/engines/host/init", "{}");
        assertThat(upsert(space, "host", "", body).status()).isEqualTo(200);
        client().post(v1(space) + "/engines/host/stop", "");
        assertError(upsert(space, "host", "", body), 503, "Service Unavailable", "Entity Engine 'host' is not running");
        assertError(deleteEntity(space, "host", "{\"id\":\"host:s\"}"), 503, "Service Unavailable",
                "Entity Engine 'host' is not running");
        client().post(v1(space) + "/engines/host/start", "");
        assertThat(upsert(space, "host", "", body).status()).isEqualTo(200);
    }

    @Test
    void v2StopAndStartGovernV1Writes() {
        String space = "v2-stop";
        client().post(v2(space) + "/install", "{\"entityTypes\":[\"generic\"]}");
        String body = "{\"entity\":{\"id\":\"g-stop\",\"attributes\":{\"managed\":true}}}";
        assertThat(upsert(space, "generic", "", body).status()).isEqualTo(200);
        client().put(v2(space) + "/stop", "{\"entityTypes\":[\"generic\"]}");
        assertError(upsert(space, "generic", "", body), 503, "Service Unavailable", "Entity Engine 'generic' is not running");
        client().put(v2(space) + "/start", "{}");
        assertThat(upsert(space, "generic", "", body).status()).isEqualTo(200);
    }

    @Test
    void collectFieldsUnionUpToTheInitsFieldHistoryLengthWhileOthersAreReplaced() {
        String space = "v1-history";
        client().post(v1(space) + "/engines/generic/init", "{\"fieldHistoryLength\":3}");
        upsert(space, "generic", "", "{\"entity\":{\"id\":\"db-1\",\"attributes\":{\"watchlists\":[\"a\",\"b\"],"
                + "\"managed\":true}}}");
        JsonNode stored = upsert(space, "generic", "", "{\"entity\":{\"id\":\"db-1\",\"attributes\":"
                + "{\"watchlists\":[\"b\",\"c\",\"d\"],\"managed\":false}}}").json();
        assertThat(stored.path("entity").path("attributes").path("watchlists").toString()).isEqualTo("[\"a\",\"b\",\"c\"]");
        assertThat(stored.path("entity").path("attributes").path("managed").asBoolean()).isFalse();
    }

    @Test
    void v1UnionsWatchlistsWhereV2ReplacesThem() {
        upsertOk("generic", "", "{\"entity\":{\"id\":\"wl-1\",\"attributes\":{\"watchlists\":[\"a\"]}}}");
        upsertOk("generic", "", "{\"entity\":{\"id\":\"wl-1\",\"attributes\":{\"watchlists\":[\"b\"]}}}");
        assertThat(v2GetOk(SPACE, "generic", "wl-1").path("entity").path("attributes").path("watchlists").toString())
                .isEqualTo("[\"a\",\"b\"]");
        Answer v2Update = client().put(v2(SPACE) + "/entities/generic",
                "{\"entity\":{\"id\":\"wl-1\",\"attributes\":{\"watchlists\":[\"c\"]}}}");
        assertThat(v2Update.status()).as(v2Update.body()).isEqualTo(200);
        assertThat(v2GetOk(SPACE, "generic", "wl-1").path("entity").path("attributes").path("watchlists").toString())
                .isEqualTo("[\"c\"]");
        JsonNode stored = upsertOk("generic", "", "{\"entity\":{\"id\":\"wl-1\",\"attributes\":{\"watchlists\":[\"d\"]}}}");
        assertThat(stored.path("entity").path("attributes").path("watchlists").toString()).isEqualTo("[\"c\",\"d\"]");
    }

    @Test
    void upsertedByV1ThenUpdatedByV2IsListedByBoth() {
        upsertOk("host", "", "{\"entity\":{\"id\":\"host:both-lists\",\"attributes\":{\"watchlists\":[\"x\"]}},\"host\":{\"name\":\"both-lists\"}}");
        Answer v2Update = client().put(v2(SPACE) + "/entities/host",
                "{\"entity\":{\"id\":\"host:both-lists\",\"attributes\":{\"managed\":true}}}");
        assertThat(v2Update.status()).as(v2Update.body()).isEqualTo(200);

        String filterQuery = java.net.URLEncoder.encode("{\"term\":{\"entity.id\":\"host:both-lists\"}}",
                java.nio.charset.StandardCharsets.UTF_8);
        JsonNode v1List = client().get(v1(SPACE) + "/entities/list?entity_types=host&filterQuery=" + filterQuery).json();
        assertThat(v1List.path("total").asInt()).isEqualTo(1);
        assertThat(v1List.path("records").get(0).at("/entity/attributes/managed").asBoolean()).isTrue();

        String filter = java.net.URLEncoder.encode("entity.id: \"host:both-lists\"", java.nio.charset.StandardCharsets.UTF_8);
        JsonNode v2List = client().get(v2(SPACE) + "/entities?filter=" + filter).json();
        assertThat(v2List.path("entities")).hasSize(1);
        assertThat(v2List.path("entities").get(0).at("/entity/attributes/managed").asBoolean()).isTrue();
        assertThat(v2List.path("entities").get(0).at("/host/name").asText()).isEqualTo("both-lists");
    }

    @Test
    void anEntityCreatedByV2IsUpsertedByV1() {
        Answer created = client().post(v2(SPACE) + "/entities/host", "{\"host\":{\"name\":\"from-v2\"}}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        JsonNode stored = upsertOk("host", "", "{\"entity\":{\"id\":\"host:from-v2\",\"attributes\":{\"managed\":true}}}");
        assertThat(stored.path("host").path("name").asText()).isEqualTo("from-v2");
        assertThat(stored.path("entity").path("attributes").path("managed").asBoolean()).isTrue();
    }

    @Test
    void spacesAreSeparate() {
        String space = "v1-space-a";
        client().post(v1(space) + "/engines/generic/init", "{}");
        assertThat(upsert(space, "generic", "", "{\"entity\":{\"id\":\"in-a\",\"attributes\":{\"managed\":true}}}")
                .status()).isEqualTo(200);
        assertThat(v2Get(space, "generic", "in-a").status()).isEqualTo(200);
        assertThat(v2Get(SPACE, "generic", "in-a").status()).isEqualTo(404);
    }

    @Test
    void deleteHasV1sTextsAndRemovesTheRecordForV2Too() {
        upsertOk("service", "", "{\"entity\":{\"id\":\"service:api\",\"attributes\":{\"managed\":true}}}");
        assertError(deleteEntity(SPACE, "service", "{\"id\":\"\"}"), 400, "Bad Request", "The entity ID cannot be blank");
        assertThat(deleteEntity(SPACE, "service", "{\"id\":\"service:api\"}").body()).isEqualTo("{\"deleted\":true}");
        assertThat(v2Get(SPACE, "service", "service:api").status()).isEqualTo(404);
        assertError(deleteEntity(SPACE, "service", "{\"id\":\"service:api\"}"), 404, "Not Found",
                "Entity of type 'service' with ID 'service:api' not found");
        assertError(deleteEntity(SPACE, "service", "{}"), 400, "Bad Request", "[request body]: id: Required");
    }

    @Test
    void bulkPutAndPostUpsertEveryItemInOrder() {
        String body = "{\"entities\":[{\"type\":\"user\",\"record\":{\"entity\":{\"id\":\"user:bulk@unknown\","
                + "\"attributes\":{\"watchlists\":[\"a\"]}}}},{\"type\":\"host\",\"record\":{\"entity\":{\"id\":"
                + "\"host:bulk\",\"attributes\":{\"managed\":true}}}},{\"type\":\"user\",\"record\":{\"entity\":{\"id\":"
                + "\"user:bulk@unknown\",\"attributes\":{\"watchlists\":[\"b\"]}}}}]}";
        Answer put = client().put(v1(SPACE) + "/entities/bulk", body);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.body()).isEqualTo("{\"ok\":true,\"errors\":[]}");
        assertThat(v2GetOk(SPACE, "user", "user:bulk@unknown").path("entity").path("attributes").path("watchlists")
                .toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(v2GetOk(SPACE, "host", "host:bulk").path("entity").path("EngineMetadata").path("Type").asText())
                .isEqualTo("host");
        Answer post = client().post(v1(SPACE) + "/entities/bulk", body.replace("\"b\"", "\"c\""));
        assertThat(post.body()).isEqualTo("{\"ok\":true,\"errors\":[]}");
        assertThat(v2GetOk(SPACE, "user", "user:bulk@unknown").path("entity").path("attributes").path("watchlists")
                .toString()).isEqualTo("[\"a\",\"b\",\"c\"]");
    }

    @Test
    void bulkIsValidatedWholeBeforeAnythingIsWritten() {
        String restrictedSecond = "{\"entities\":[{\"type\":\"generic\",\"record\":{\"entity\":{\"id\":\"bulk-ok\","
                + "\"attributes\":{\"managed\":true}}}},{\"type\":\"generic\",\"record\":{\"entity\":{\"id\":\"bulk-r\","
                + "\"name\":\"restricted\"}}}]}";
        Answer answer = client().put(v1(SPACE) + "/entities/bulk", restrictedSecond);
        assertError(answer, 400, "Bad Request", RESTRICTED + "entity.name");
        assertThat(answer.json().path("attributes").path("index").asInt()).isEqualTo(1);
        assertThat(v2Get(SPACE, "generic", "bulk-ok").status()).isEqualTo(404);

        Answer badSchema = client().put(v1(SPACE) + "/entities/bulk", "{\"entities\":[{\"type\":\"generic\",\"record\":"
                + "{\"entity\":{\"id\":\"bulk-ok\"}}},{\"type\":\"generic\",\"record\":{\"entity\":{\"name\":1}}}]}");
        assertThat(badSchema.status()).isEqualTo(400);
        assertThat(badSchema.json().path("message").asText()).startsWith("[request body]: entities.1.record.entity.name: ");
        assertThat(v2Get(SPACE, "generic", "bulk-ok").status()).isEqualTo(404);
    }

    @Test
    void bulkIs503IfAnyItemsEngineIsNotRunning() {
        String space = "v1-bulk-stopped";
        client().post(v1(space) + "/engines/generic/init", "{}");
        Answer answer = client().put(v1(space) + "/entities/bulk", "{\"entities\":[{\"type\":\"generic\",\"record\":"
                + "{\"entity\":{\"id\":\"g\",\"attributes\":{\"managed\":true}}}},{\"type\":\"user\",\"record\":"
                + "{\"entity\":{\"id\":\"u\",\"attributes\":{\"managed\":true}}}}]}");
        assertError(answer, 503, "Service Unavailable", "Entity Engine 'user' is not running");
        assertThat(v2Get(space, "generic", "g").status()).isEqualTo(404);
    }

    @Test
    void thePublishedBulkExampleIsAcceptedVerbatim() throws IOException {
        String example;
        try (InputStream in = getClass().getResourceAsStream("/v1-published-bulk-example.json")) {
            example = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
        Answer withoutForce = client().put(v1(SPACE) + "/entities/bulk", example);
        assertThat(withoutForce.status()).as(withoutForce.body()).isEqualTo(400);
        assertThat(withoutForce.json().path("message").asText())
                .startsWith("The following attributes are not allowed to be updated: ");
        Answer forced = client().put(v1(SPACE) + "/entities/bulk?force=true", example);
        assertThat(forced.status()).as(forced.body()).isEqualTo(200);
        assertThat(forced.body()).isEqualTo("{\"ok\":true,\"errors\":[]}");

        JsonNode stored = upsertOk("user", "", "{\"entity\":{\"id\":\"arn:aws:iam::123456789012:user/jane.doe\","
                + "\"attributes\":{\"watchlists\":[\"w\"]}}}");
        assertThat(stored.path("entity").path("name").asText()).isEqualTo("jane.doe");
        assertThat(stored.path("entity").path("attributes").path("privileged").asBoolean()).isTrue();
        assertThat(stored.path("entity").path("relationships").path("owned_by").get(0).asText()).isEqualTo("string");
        assertThat(stored.path("asset").path("criticality").asText()).isEqualTo("low_impact");
        assertThat(stored.path("user").path("risk").path("inputs").get(0).path("category").asText()).isEqualTo("category_1");
    }
}
