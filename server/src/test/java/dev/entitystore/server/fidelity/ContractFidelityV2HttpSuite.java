package dev.entitystore.server.fidelity;

import static dev.entitystore.server.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entitystore.domain.identity.EntityIds;
import dev.entitystore.server.HttpClientForTests;
import dev.entitystore.server.HttpClientForTests.Answer;
import dev.entitystore.server.RunningServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The v2 differences from Kibana's own OpenAPI document that issue 16 lists, each as a Kibana client
 * meets it over HTTP, in the space {@code fidelity-v2}.
 */
abstract class ContractFidelityV2HttpSuite {
    @RegisterExtension
    static RunningServer server = new RunningServer();

    static final String BASE = "/s/fidelity-v2/api/security/entity_store";

    @BeforeAll
    static void install() {
        assertThat(client().post(BASE + "/install", "{}").status()).isIn(200, 201);
    }

    static HttpClientForTests client() {
        return server.client();
    }

    static Answer create(String type, String body) {
        return client().post(BASE + "/entities/" + type, body);
    }

    static JsonNode stored(String type, String id) {
        return FidelityAssertions.stored(client(), BASE, type, id);
    }

    @Test
    void item1UninstallByTypeIsServedAsDeleteAndAsPost() {
        String base = "/s/fidelity-uninstall/api/security/entity_store";
        assertThat(client().post(base + "/install", "{\"entityTypes\":[\"host\",\"user\",\"service\"]}").status())
                .isEqualTo(201);
        Answer delete = client().request("DELETE", base + "/uninstall/host").send();
        assertThat(delete.status()).as(delete.body()).isEqualTo(200);
        assertThat(delete.body()).isEqualTo("{\"ok\":true}");
        assertThat(client().post(base + "/uninstall/user", "").status()).isEqualTo(200);
        JsonNode engines = client().get(base + "/status").json().path("engines");
        assertThat(engines).hasSize(1);
        assertThat(engines.get(0).path("type").asText()).isEqualTo("service");
        assertThat(client().request("DELETE", base + "/uninstall/host").send().status()).isEqualTo(200);
        assertError(client().request("DELETE", base + "/uninstall/nope").send(), 400, "Bad Request",
                "[request params]: entityType: Invalid option: expected one of \"user\"|\"host\"|\"service\"|\"generic\"");
        assertError(client().request("DELETE", base + "/uninstall/service").withoutHeader("kbn-xsrf").send(), 400,
                "Bad Request", "Request must contain a kbn-xsrf header.");
    }

    @Test
    void item2EntityCreatedByIsAcceptedOnCreateUpdateAndBulk() {
        assertThat(create("host", "{\"host\":{\"name\":\"cb1\"},\"entity\":{\"created_by\":\"manual\"}}").status())
                .isEqualTo(200);
        assertThat(stored("host", "host:cb1").path("entity").path("created_by").asText()).isEqualTo("manual");
        assertThat(client().put(BASE + "/entities/host?force=true",
                "{\"entity\":{\"id\":\"host:cb1\",\"created_by\":\"api\"}}").status()).isEqualTo(200);
        assertThat(client().put(BASE + "/entities/bulk?force=true", "{\"entities\":[{\"type\":\"host\",\"doc\":"
                + "{\"entity\":{\"id\":\"host:cb1\",\"created_by\":\"bulk\"}}}]}").json().path("errors")).isEmpty();
        assertThat(stored("host", "host:cb1").path("entity").path("created_by").asText()).isEqualTo("bulk");
        assertError(create("host", "{\"host\":{\"name\":\"cb2\"},\"entity\":{\"created_by\":7}}"), 400, "Bad Request",
                "[request body]: entity.created_by: Invalid input: expected string, received number");
    }

    @Test
    void item3RelationshipRawIdentifiersAcceptEntityId() {
        assertThat(create("host", "{\"host\":{\"name\":\"rel1\"}}").status()).isEqualTo(200);
        Answer update = client().put(BASE + "/entities/host", "{\"entity\":{\"id\":\"host:rel1\",\"relationships\":"
                + "{\"communicates_with\":{\"raw_identifiers\":{\"entity.id\":[\"host:rel2\"],\"host.id\":[\"h2\"]}}}}}");
        assertThat(update.status()).as(update.body()).isEqualTo(200);
        JsonNode raw = stored("host", "host:rel1").path("entity").path("relationships").path("communicates_with")
                .path("raw_identifiers");
        assertThat(raw.path("entity").path("id").get(0).asText()).isEqualTo("host:rel2");
        assertThat(raw.path("host").path("id").get(0).asText()).isEqualTo("h2");
    }

    @Test
    void item4NullCriticalityCreatesWithoutOneAndClearsAStoredOne() {
        assertThat(create("host", "{\"host\":{\"name\":\"crit-null\"},\"asset\":{\"criticality\":null}}").status())
                .isEqualTo(200);
        assertThat(stored("host", "host:crit-null").has("asset")).isFalse();
        assertThat(create("host", "{\"host\":{\"name\":\"crit\"},\"asset\":{\"criticality\":\"high_impact\","
                + "\"owner\":\"ops\"}}").status()).isEqualTo(200);
        assertError(client().put(BASE + "/entities/host", "{\"entity\":{\"id\":\"host:crit\"},\"asset\":{\"criticality\":null}}"),
                400, "Bad Request",
                "Bad request: The following attributes are not allowed to be updated without forcing it (?force=true): "
                        + "asset.criticality");
        assertThat(stored("host", "host:crit").path("asset").path("criticality").asText()).isEqualTo("high_impact");
        assertThat(client().put(BASE + "/entities/host?force=true",
                "{\"entity\":{\"id\":\"host:crit\"},\"asset\":{\"criticality\":null}}").status()).isEqualTo(200);
        JsonNode asset = stored("host", "host:crit").path("asset");
        assertThat(asset.has("criticality")).isFalse();
        assertThat(asset.path("owner").asText()).isEqualTo("ops");
        assertThat(client().put(BASE + "/entities/bulk?force=true", "{\"entities\":[{\"type\":\"host\",\"doc\":"
                + "{\"entity\":{\"id\":\"host:crit\"},\"asset\":{\"criticality\":\"low_impact\"}}}]}").status()).isEqualTo(200);
        assertThat(stored("host", "host:crit").path("asset").path("criticality").asText()).isEqualTo("low_impact");
    }

    @Test
    void item5IntegersUpToKibanasTwoToThe53MinusOneAreAccepted() {
        String base = "/s/fidelity-int64/api/security/entity_store";
        Answer install = client().post(base + "/install",
                "{\"entityTypes\":[\"host\"],\"logExtraction\":{\"docsLimit\":9007199254740991}}");
        assertThat(install.status()).as(install.body()).isEqualTo(201);
        assertThat(client().post(base + "/install/user",
                "{\"logExtraction\":{\"docsLimit\":9007199254740992}}").status()).isEqualTo(400);
        Answer page = client().get(BASE + "/entities?page=3000000000&per_page=10");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.json().path("page").asLong()).isEqualTo(3_000_000_000L);
        assertThat(page.json().path("records")).isEmpty();
        assertThat(page.json().path("total").asLong()).isPositive();
        Answer cursor = client().get(BASE + "/entities?size=3000000000");
        assertThat(cursor.status()).as(cursor.body()).isEqualTo(200);
        assertThat(cursor.json().path("entities")).isNotEmpty();
    }

    @Test
    void item6ValuesOfTheWrongJsonTypeAreRefusedAndWriteNothing() {
        String[][] cases = {
            {"host", "{\"host\":{\"name\":7}}", "host.name: Invalid input: expected string, received number"},
            {"host", "{\"host\":{\"name\":\"wt\",\"ip\":\"10.0.0.1\"}}", "host.ip: Invalid input: expected array, received string"},
            {"user", "{\"user\":{\"name\":true}}", "user.name: Invalid input: expected string, received boolean"},
            {"service", "{\"service\":{\"name\":[\"s\"]}}", "service.name: Invalid input: expected string, received array"},
            {"generic", "{\"entity\":{\"id\":\"wt\",\"attributes\":{\"asset\":\"yes\"}}}",
                "entity.attributes.asset: Invalid input: expected boolean, received string"},
            {"generic", "{\"entity\":{\"id\":\"wt\",\"risk\":{\"calculated_score\":\"high\"}}}",
                "entity.risk.calculated_score: Invalid input: expected number, received string"},
            {"generic", "{\"entity\":{\"id\":\"wt\",\"lifecycle\":{\"first_seen\":5}}}",
                "entity.lifecycle.first_seen: Invalid input: expected string, received number"},
        };
        for (String[] c : cases) {
            Answer answer = create(c[0], c[1]);
            assertThat(answer.status()).as(c[1]).isEqualTo(400);
            assertThat(answer.json().path("message").asText()).as(c[1]).contains(c[2]);
        }
        for (String id : new String[] {"host:7", "host:wt", "user:true@unknown", "service:s", "wt"}) {
            assertThat(client().get(BASE + "/entities/generic/" + id).status()).isEqualTo(404);
        }
        assertThat(client().get(BASE + "/entities?filter=host.name:7").json().path("entities")).isEmpty();
    }

    @Test
    void item9StatusComponentsUseKibanasResourceNames() {
        FidelityAssertions.assertKibanaComponentNames(
                client().get(BASE + "/status?include_components=true").json().path("engines"));
    }

    @Test
    void item11BulkItemErrorsNameTheItemsPositionAndEuid() {
        assertThat(create("generic", "{\"entity\":{\"id\":\"bulk-present\"}}").status()).isEqualTo(200);
        Answer answer = client().put(BASE + "/entities/bulk", "{\"entities\":["
                + "{\"type\":\"generic\",\"doc\":{\"entity\":{\"id\":\"bulk-present\",\"attributes\":{\"asset\":true}}}},"
                + "{\"type\":\"generic\",\"doc\":{\"entity.id\":\"ghost\",\"entity.attributes.asset\":true}}]}");
        assertThat(answer.status()).isEqualTo(200);
        JsonNode errors = answer.json().path("errors");
        assertThat(errors).hasSize(1);
        JsonNode error = errors.get(0);
        assertThat(error.path("_id").asText()).isEqualTo(EntityIds.documentId("ghost"));
        assertThat(error.path("status").asInt()).isEqualTo(404);
        assertThat(error.path("type").asText()).isEqualTo("document_missing_exception");
        assertThat(error.path("index").asInt()).isEqualTo(1);
        assertThat(error.path("entityId").asText()).isEqualTo("ghost");
    }

    @Test
    void userIdMismatchAnswersKibanasTextWithTheDerivedEuidAndItsFields() {
        Answer answer = create("user", "{\"entity\":{\"id\":\"user:jane.doe@example.com\"},"
                + "\"user\":{\"email\":[\"jane.doe@example.com\"],\"name\":\"jane.doe\"}}");
        assertError(answer, 400, "Bad Request", "Bad request: Supplied ID user:jane.doe@example.com does not match "
                + "generated EUID user:jane.doe@example.com@unknown");
        JsonNode attributes = answer.json().path("attributes");
        assertThat(attributes.path("suppliedEntityId").asText()).isEqualTo("user:jane.doe@example.com");
        assertThat(attributes.path("derivedEntityId").asText()).isEqualTo("user:jane.doe@example.com@unknown");
        assertThat(attributes.path("derivedFrom").path("user.email").asText()).isEqualTo("jane.doe@example.com");
        assertThat(attributes.path("derivedFrom").path("entity.namespace").asText()).isEqualTo("unknown");
        assertThat(client().get(BASE + "/entities/user/user:jane.doe@example.com@unknown").status()).isEqualTo(404);
        assertThat(create("user", "{\"entity\":{\"id\":\"user:jane.doe@example.com@unknown\"},"
                + "\"user\":{\"email\":[\"jane.doe@example.com\"],\"name\":\"jane.doe\"}}").status()).isEqualTo(200);
    }

    @Test
    void userIdentityRulesAsTheReadmeShowsThem() {
        assertThat(create("user", "{\"entity\":{\"id\":\"user:alice@example.com@okta\"},\"user\":{\"email\":"
                + "[\"alice@example.com\"]},\"event\":{\"module\":\"okta\",\"kind\":\"asset\"}}").status()).isEqualTo(200);
        assertThat(create("user", "{\"entity\":{\"id\":\"user:bob@host-1@local\"},\"user\":{\"name\":\"bob\"},"
                + "\"host\":{\"id\":[\"host-1\"]}}").status()).isEqualTo(200);
        assertThat(client().put(BASE + "/entities/user", "{\"entity\":{\"id\":\"user:bob@host-1@local\","
                + "\"attributes\":{\"watchlists\":[\"admins\"]}}}").status()).isEqualTo(200);
        assertThat(stored("user", "user:bob@host-1@local").path("entity").path("attributes").path("watchlists").get(0)
                .asText()).isEqualTo("admins");
        assertThat(stored("user", "user:alice@example.com@okta").path("user").path("email").get(0).asText())
                .isEqualTo("alice@example.com");
    }
}
