package dev.entitystore.server.fidelity;

import static dev.entitystore.server.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entitystore.server.HttpClientForTests;
import dev.entitystore.server.HttpClientForTests.Answer;
import dev.entitystore.server.RunningServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The legacy v1 differences from Kibana that issue 16 lists, over HTTP, in the space {@code fidelity-v1}
 * with the four engines enabled.
 */
abstract class ContractFidelityV1HttpSuite {
    @RegisterExtension
    static RunningServer server = new RunningServer();

    static final String V1 = "/s/fidelity-v1/api/entity_store";
    static final String V2 = "/s/fidelity-v1/api/security/entity_store";
    static final String RESTRICTED = "The following attributes are not allowed to be updated without forcing it "
            + "(?force=true): ";

    @BeforeAll
    static void enable() {
        assertThat(client().post(V1 + "/enable", "{}").status()).isEqualTo(200);
    }

    static HttpClientForTests client() {
        return server.client();
    }

    static JsonNode upsertOk(String type, String query, String body) {
        Answer answer = client().put(V1 + "/entities/" + type + query, body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    static JsonNode stored(String type, String id) {
        return FidelityAssertions.stored(client(), V2, type, id);
    }

    @Test
    void item4NullCriticalityClearsTheStoredLevelOnUpsert() {
        upsertOk("host", "?force=true", "{\"entity\":{\"id\":\"host:v1-crit\"},\"asset\":{\"criticality\":\"low_impact\"}}");
        assertThat(stored("host", "host:v1-crit").path("asset").path("criticality").asText()).isEqualTo("low_impact");
        JsonNode after = upsertOk("host", "?force=true", "{\"entity\":{\"id\":\"host:v1-crit\"},\"asset\":{\"criticality\":null}}");
        assertThat(after.has("asset")).isFalse();
        assertThat(stored("host", "host:v1-crit").has("asset")).isFalse();
    }

    @Test
    void item5V1IntegersAsKibanasV1SchemaTakesThem() {
        String space = "/s/fidelity-v1-int64/api/entity_store";
        Answer init = client().post(space + "/engines/host/init",
                "{\"maxPageSearchSize\":3000000000,\"docsPerSecond\":3000000000,\"fieldHistoryLength\":-1}");
        assertThat(init.status()).as(init.body()).isEqualTo(200);
        JsonNode engine = client().get(space + "/engines/host").json();
        assertThat(engine.path("maxPageSearchSize").asLong()).isEqualTo(3_000_000_000L);
        assertThat(engine.path("docsPerSecond").asLong()).isEqualTo(3_000_000_000L);
        assertThat(engine.path("fieldHistoryLength").asInt()).isEqualTo(-1);
        // a limit below 1 keeps nothing, so the merge keeps the field's own limit instead
        Answer first = client().put(space + "/entities/host", "{\"entity\":{\"id\":\"host:v1-fhl\",\"attributes\":"
                + "{\"watchlists\":[\"a\"]}}}");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        JsonNode merged = client().put(space + "/entities/host", "{\"entity\":{\"id\":\"host:v1-fhl\",\"attributes\":"
                + "{\"watchlists\":[\"b\"]}}}").json();
        assertThat(merged.path("entity").path("attributes").path("watchlists").toString()).isEqualTo("[\"a\",\"b\"]");
        Answer page = client().get(V1 + "/entities/list?entity_types=host&page=3000000000");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.json().path("page").asLong()).isEqualTo(3_000_000_000L);
    }

    @Test
    void item7UpsertingTheSameScalarsTwiceKeepsThemScalars() {
        String host = "{\"entity\":{\"id\":\"host:v1-h\",\"source\":\"manual\"},\"host\":{\"name\":\"h\"}}";
        upsertOk("host", "?force=true", host);
        JsonNode twice = upsertOk("host", "?force=true", host);
        assertThat(twice.path("entity").path("source").isTextual()).as(twice.toString()).isTrue();
        assertThat(twice.path("entity").path("source").asText()).isEqualTo("manual");
        assertThat(twice.path("host").path("name").asText()).isEqualTo("h");
        String user = "{\"entity\":{\"id\":\"user:v1-u@unknown\",\"attributes\":{\"managed\":true}},"
                + "\"user\":{\"name\":\"u\"}}";
        upsertOk("user", "?force=true", user);
        assertThat(upsertOk("user", "?force=true", user).path("user").path("name").isTextual()).isTrue();
        String bulk = "{\"entities\":[{\"type\":\"host\",\"record\":" + host + "},{\"type\":\"host\",\"record\":" + host + "}]}";
        assertThat(client().put(V1 + "/entities/bulk?force=true", bulk).status()).isEqualTo(200);
        JsonNode afterBulk = stored("host", "host:v1-h");
        assertThat(afterBulk.path("entity").path("source").asText()).isEqualTo("manual");
        assertThat(afterBulk.path("host").path("name").isTextual()).isTrue();
        // collected fields still collect
        upsertOk("host", "?force=true", "{\"entity\":{\"id\":\"host:v1-h\"},\"host\":{\"ip\":[\"10.0.0.1\"]}}");
        assertThat(upsertOk("host", "?force=true", "{\"entity\":{\"id\":\"host:v1-h\"},\"host\":{\"ip\":[\"10.0.0.2\"]}}")
                .path("host").path("ip").toString()).isEqualTo("[\"10.0.0.1\",\"10.0.0.2\"]");
    }

    @Test
    void item9V1StatusComponentsUseKibanasResourceNames() {
        FidelityAssertions.assertKibanaComponentNames(
                client().get(V1 + "/status?include_components=true").json().path("engines"));
    }

    @Test
    void item10UpsertAndBulkAnswerTheSameRestrictedField400AsKibanasV1Code() {
        assertError(client().put(V1 + "/entities/generic", "{\"entity\":{\"id\":\"v1-r\",\"name\":\"n\"}}"),
                400, "Bad Request", RESTRICTED + "entity.name");
        Answer bulk = client().put(V1 + "/entities/bulk",
                "{\"entities\":[{\"type\":\"generic\",\"record\":{\"entity\":{\"id\":\"v1-r\",\"name\":\"n\"}}}]}");
        assertError(bulk, 400, "Bad Request", RESTRICTED + "entity.name");
        assertThat(bulk.json().path("attributes").path("index").asInt()).isZero();
        assertThat(client().get(V2 + "/entities/generic/v1-r").status()).isEqualTo(404);
    }

    @Test
    void item8V1WritesV1sOwnFieldsWithoutForceAndKeepsLifecycleRestricted() {
        JsonNode written = upsertOk("user", "", "{\"entity\":{\"id\":\"user:v1-own@unknown\",\"attributes\":"
                + "{\"privileged\":true},\"behaviors\":{\"brute_force_victim\":true,\"used_usb_device\":false},"
                + "\"relationships\":{\"owned_by\":[\"host:a\"],\"supervises\":[\"user:b@unknown\"]}}}");
        assertThat(written.path("entity").path("attributes").path("privileged").asBoolean()).isTrue();
        JsonNode again = upsertOk("user", "", "{\"entity\":{\"id\":\"user:v1-own@unknown\",\"relationships\":"
                + "{\"owned_by\":[\"host:c\"]}}}");
        assertThat(again.path("entity").path("relationships").path("owned_by").toString())
                .isEqualTo("[\"host:a\",\"host:c\"]");
        JsonNode viaV2 = stored("user", "user:v1-own@unknown");
        assertThat(viaV2.path("entity").path("behaviors").path("brute_force_victim").asBoolean()).isTrue();
        assertError(client().put(V1 + "/entities/user", "{\"entity\":{\"id\":\"user:v1-own@unknown\",\"lifecycle\":"
                + "{\"first_seen\":\"2026-01-15T10:00:00.000Z\"}}}"), 400, "Bad Request", RESTRICTED + "entity.lifecycle.first_seen");
        // v2 keeps the current definitions: v1's own keys are not its destinations
        Answer v2 = client().put(V2 + "/entities/user", "{\"entity\":{\"id\":\"user:v1-own@unknown\",\"attributes\":"
                + "{\"privileged\":false}}}");
        assertThat(v2.status()).as(v2.body()).isEqualTo(400);
    }
}
