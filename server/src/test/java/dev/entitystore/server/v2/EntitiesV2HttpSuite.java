package dev.entitystore.server.v2;

import static dev.entitystore.server.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entitystore.server.HttpClientForTests;
import dev.entitystore.server.HttpClientForTests.Answer;
import dev.entitystore.server.RunningServer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The v2 entity routes over HTTP: Kibana's Scout CRUD suite,
 * the wire examples and the status matrix. Stored records are read back through
 * our GET route, which answers what the store holds.
 */
abstract class EntitiesV2HttpSuite {
    @RegisterExtension
    static RunningServer server = new RunningServer();

    static final String BASE = "/api/security/entity_store";

    @BeforeAll
    static void install() {
        Answer answer = client().post(BASE + "/install", "{}");
        assertThat(answer.status()).as(answer.body()).isIn(200, 201);
    }

    static HttpClientForTests client() {
        return server.client();
    }

    static Answer create(String type, String body) {
        return client().post(BASE + "/entities/" + type, body);
    }

    static Answer update(String type, String query, String body) {
        return client().put(BASE + "/entities/" + type + query, body);
    }

    static Answer stored(String type, String euid) {
        return client().get(BASE + "/entities/" + type + "/" + java.net.URLEncoder.encode(euid, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    static JsonNode storedOk(String type, String euid) {
        Answer answer = stored(type, euid);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    static void assertOk(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("ok").asBoolean()).isTrue();
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Nested
    class KibanaCrudSuite {
        @Test
        void createGeneric() {
            Answer answer = create("generic", "{\"entity\":{\"id\":\"required-id-create\"}}");
            assertOk(answer);
            assertThat(answer.json().size()).isEqualTo(1);
            assertThat(storedOk("generic", "required-id-create").at("/entity/id").asText()).isEqualTo("required-id-create");
        }

        @Test
        void createConflict() {
            assertOk(create("generic", "{\"entity\":{\"id\":\"conflict-create\"}}"));
            assertError(create("generic", "{\"entity\":{\"id\":\"conflict-create\"}}"), 409, "Conflict",
                    "Entity ID 'conflict-create' already exists");
        }

        @Test
        void createWithGeneratedEuid() {
            assertOk(create("host", "{\"host\":{\"name\":\"create-generated-euid\"}}"));
            assertThat(storedOk("host", "host:create-generated-euid").at("/entity/id").asText())
                    .isEqualTo("host:create-generated-euid");
        }

        @Test
        void createIdMismatch() {
            Answer answer = create("host", "{\"entity\":{\"id\":\"wrong-supplied-id\"},\"host\":{\"name\":\"create-mismatch-test\"}}");
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.json().path("message").asText()).contains("does not match generated EUID");
            assertThat(stored("host", "host:create-mismatch-test").status()).isEqualTo(404);
        }

        @Test
        void forceRequiredForRestrictedField() {
            assertOk(create("generic", "{\"entity\":{\"id\":\"required-id-force\"}}"));
            String body = "{\"entity\":{\"id\":\"required-id-force\",\"name\":\"needs-force-flag\"}}";
            Answer refused = update("generic", "", body);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().path("message").asText()).contains("not allowed to be updated without forcing it");
            assertThat(storedOk("generic", "required-id-force").at("/entity/name").asText()).isEqualTo("required-id-force");
            assertOk(update("generic", "?force=true", body));
            assertThat(storedOk("generic", "required-id-force").at("/entity/name").asText()).isEqualTo("needs-force-flag");
        }

        @Test
        void updateByIdAndIdentity() {
            assertOk(create("host", "{\"entity\":{\"id\":\"host:this-is-update\"},\"host\":{\"name\":\"this-is-update\"}}"));
            assertOk(update("host", "?force=true",
                    "{\"entity\":{\"id\":\"host:this-is-update\",\"name\":\"this-is-update\"},\"host\":{\"name\":\"this-is-update\"}}"));
            JsonNode doc = storedOk("host", "host:this-is-update");
            assertThat(doc.at("/entity/id").asText()).isEqualTo("host:this-is-update");
            assertThat(doc.at("/host/name").asText()).isEqualTo("this-is-update");
        }

        @Test
        void updateByIdOnly() {
            assertOk(create("host", "{\"entity\":{\"id\":\"host:update-id-only\"},\"host\":{\"name\":\"update-id-only\"}}"));
            assertOk(update("host", "?force=true", "{\"entity\":{\"id\":\"host:update-id-only\",\"name\":\"updated-name\"}}"));
            assertThat(storedOk("host", "host:update-id-only").at("/entity/name").asText()).isEqualTo("updated-name");
        }

        @Test
        void updateByIdentityOnly() {
            assertOk(create("host", "{\"entity\":{\"id\":\"host:update-identity-only\"},\"host\":{\"name\":\"update-identity-only\"}}"));
            assertOk(update("host", "?force=true", "{\"entity\":{\"name\":\"updated-via-identity\"},\"host\":{\"name\":\"update-identity-only\"}}"));
            JsonNode doc = storedOk("host", "host:update-identity-only");
            assertThat(doc.at("/entity/name").asText()).isEqualTo("updated-via-identity");
            assertThat(doc.at("/host/name").asText()).isEqualTo("update-identity-only");
        }

        @Test
        void bulkUpdate() {
            assertOk(create("generic", "{\"entity\":{\"id\":\"required-id-1-bulk\"}}"));
            assertOk(create("generic", "{\"entity\":{\"id\":\"required-id-2-bulk\"}}"));
            Answer answer = client().put(BASE + "/entities/bulk", "{\"entities\":["
                    + "{\"type\":\"generic\",\"doc\":{\"entity\":{\"id\":\"required-id-1-bulk\"}}},"
                    + "{\"type\":\"generic\",\"doc\":{\"entity\":{\"id\":\"required-id-2-bulk\"}}}]}");
            assertOk(answer);
            assertThat(answer.json().path("errors").isArray()).isTrue();
            assertThat(answer.json().path("errors")).isEmpty();
            storedOk("generic", "required-id-1-bulk");
            storedOk("generic", "required-id-2-bulk");
        }

        @Test
        void createFromFlatDocument() {
            assertOk(create("generic", "{\"entity.id\":\"flat-create-id\"}"));
            assertThat(storedOk("generic", "flat-create-id").at("/entity/id").asText()).isEqualTo("flat-create-id");
        }

        @Test
        void updateFromFlatDocument() {
            assertOk(create("host", "{\"entity\":{\"id\":\"host:flat-update\"},\"host\":{\"name\":\"flat-update\"}}"));
            assertOk(update("host", "?force=true",
                    "{\"entity.id\":\"host:flat-update\",\"entity.name\":\"flat-updated-name\",\"host.name\":\"flat-update\"}"));
            assertThat(storedOk("host", "host:flat-update").at("/entity/name").asText()).isEqualTo("flat-updated-name");
        }

        @Test
        void flatUpdatesReplaceRatherThanMerge() {
            assertOk(create("host", "{\"entity\":{\"id\":\"host:flat-double-update\"},\"host\":{\"name\":\"flat-double-update\"}}"));
            assertOk(update("host", "?force=true",
                    "{\"entity.id\":\"host:flat-double-update\",\"entity.name\":\"first-name\",\"host.name\":\"flat-double-update\"}"));
            assertOk(update("host", "?force=true",
                    "{\"entity.id\":\"host:flat-double-update\",\"entity.name\":\"second-name\",\"host.name\":\"flat-double-update\"}"));
            JsonNode doc = storedOk("host", "host:flat-double-update");
            assertThat(doc.at("/entity/name").isTextual()).isTrue();
            assertThat(doc.at("/entity/name").asText()).isEqualTo("second-name");
            assertThat(doc.at("/host/name").isTextual()).isTrue();
            assertThat(doc.at("/host/name").asText()).isEqualTo("flat-double-update");
        }

        @Test
        void deleteThenDeleteAgain() {
            assertOk(create("generic", "{\"entity\":{\"id\":\"required-id-delete\"}}"));
            Answer deleted = client().request("DELETE", BASE + "/entities/").json("{\"entityId\":\"required-id-delete\"}").send();
            assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
            assertThat(deleted.json().path("deleted").asBoolean()).isTrue();
            assertThat(stored("generic", "required-id-delete").status()).isEqualTo(404);
            Answer again = client().request("DELETE", BASE + "/entities").json("{\"entityId\":\"required-id-delete\"}").send();
            assertError(again, 404, "Not Found", "Entity ID 'required-id-delete' not found");
        }
    }

    @Nested
    class WireExamples {
        @Test
        void createGenericDefaultsNameAndStampsTimestampAndType() {
            assertOk(create("generic", "{\"entity\":{\"id\":\"db-prod-01\",\"type\":\"database\",\"attributes\":{\"managed\":true}}}"));
            JsonNode doc = storedOk("generic", "db-prod-01");
            assertThat(doc.at("/entity/id").asText()).isEqualTo("db-prod-01");
            assertThat(doc.at("/entity/type").asText()).isEqualTo("database");
            assertThat(doc.at("/entity/name").asText()).isEqualTo("db-prod-01");
            assertThat(doc.at("/entity/attributes/managed").asBoolean()).isTrue();
            assertThat(doc.at("/entity/EngineMetadata/Type").asText()).isEqualTo("generic");
            assertThat(doc.path("@timestamp").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
        }

        @Test
        void hostFromIdentityFieldsThenConflict() {
            String body = "{\"host\":{\"name\":\"web-01\",\"ip\":[\"10.0.0.5\"]}}";
            assertOk(create("host", body));
            JsonNode doc = storedOk("host", "host:web-01");
            assertThat(doc.at("/entity/id").asText()).isEqualTo("host:web-01");
            assertThat(doc.at("/entity/name").asText()).isEqualTo("host:web-01");
            assertThat(doc.at("/host/ip/0").asText()).isEqualTo("10.0.0.5");
            assertError(create("host", body), 409, "Conflict", "Entity ID 'host:web-01' already exists");
        }

        @Test
        void createWithInconsistentId() {
            assertError(create("host", "{\"entity\":{\"id\":\"my-custom-id\"},\"host\":{\"name\":\"web-02\"}}"), 400,
                    "Bad Request", "Bad request: Supplied ID my-custom-id does not match generated EUID host:web-02");
        }

        @Test
        void createWithNothingToDeriveAnIdFrom() {
            assertError(create("service", "{\"entity\":{\"name\":\"payments\"}}"), 400, "Bad Request",
                    "Bad request: Could not derive EUID from document");
        }

        @Test
        void updateAllowedAttributeKeepsTheRest() {
            assertOk(create("host", "{\"host\":{\"name\":\"web-03\",\"ip\":[\"10.0.0.7\"]},\"entity\":{\"attributes\":{\"watchlists\":[\"a\",\"b\"]}}}"));
            String before = storedOk("host", "host:web-03").path("@timestamp").asText();
            assertOk(update("host", "", "{\"entity\":{\"id\":\"host:web-03\",\"attributes\":{\"asset\":true,\"watchlists\":[\"crown-jewels\"]}}}"));
            JsonNode doc = storedOk("host", "host:web-03");
            assertThat(doc.at("/host/ip/0").asText()).isEqualTo("10.0.0.7");
            assertThat(doc.at("/entity/attributes/asset").asBoolean()).isTrue();
            assertThat(doc.at("/entity/attributes/watchlists").toString()).isEqualTo("[\"crown-jewels\"]");
            assertThat(doc.path("@timestamp").asText()).isGreaterThanOrEqualTo(before);
        }

        @Test
        void restrictedFieldsWithoutThenWithForce() {
            assertOk(create("host", "{\"host\":{\"name\":\"web-04\"}}"));
            String body = "{\"entity\":{\"id\":\"host:web-04\",\"name\":\"Web 04\"},\"asset\":{\"criticality\":\"high_impact\"}}";
            assertError(update("host", "", body), 400, "Bad Request",
                    "Bad request: The following attributes are not allowed to be updated without forcing it (?force=true): entity.name, asset.criticality");
            assertOk(update("host", "?force=true", body));
            assertThat(storedOk("host", "host:web-04").at("/asset/criticality").asText()).isEqualTo("high_impact");
        }

        @Test
        void updateFieldUnknownToTheDefinition() {
            assertOk(create("generic", "{\"entity\":{\"id\":\"db-prod-02\"}}"));
            assertError(update("generic", "", "{\"entity\":{\"id\":\"db-prod-02\"},\"tags\":[\"x\"]}"), 400, "Bad Request",
                    "Bad request: The following attributes are not allowed to be updated: [tags]");
            assertOk(update("generic", "?force=true", "{\"entity\":{\"id\":\"db-prod-02\"},\"tags\":[\"x\"]}"));
            assertThat(storedOk("generic", "db-prod-02").at("/tags/0").asText()).isEqualTo("x");
        }

        @Test
        void updateMissingEntity() {
            assertError(update("generic", "?force=true", "{\"entity\":{\"id\":\"does-not-exist\",\"name\":\"x\"}}"), 404,
                    "Not Found", "Entity ID 'does-not-exist' not found");
            assertThat(stored("generic", "does-not-exist").status()).isEqualTo(404);
        }

        @Test
        void bulkUpdateReportsTheMissingItemAndWritesTheRest() throws Exception {
            assertOk(create("generic", "{\"entity\":{\"id\":\"db-prod-03\"}}"));
            Answer answer = client().put(BASE + "/entities/bulk", "{\"entities\":["
                    + "{\"type\":\"generic\",\"doc\":{\"entity\":{\"id\":\"db-prod-03\",\"attributes\":{\"asset\":true}}}},"
                    + "{\"type\":\"generic\",\"doc\":{\"entity.id\":\"ghost\",\"entity.attributes.asset\":true}}]}");
            assertOk(answer);
            JsonNode errors = answer.json().path("errors");
            assertThat(errors).hasSize(1);
            String ghost = sha256("ghost");
            assertThat(errors.get(0).path("_id").asText()).isEqualTo(ghost);
            assertThat(errors.get(0).path("status").asInt()).isEqualTo(404);
            assertThat(errors.get(0).path("type").asText()).isEqualTo("document_missing_exception");
            assertThat(errors.get(0).path("reason").asText()).isEqualTo("[" + ghost + "]: document missing");
            assertThat(storedOk("generic", "db-prod-03").at("/entity/attributes/asset").asBoolean()).isTrue();
        }

        @Test
        void bulkWithAnInvalidItemWritesNothingAndNamesTheItem() {
            assertOk(create("generic", "{\"entity\":{\"id\":\"db-prod-04\"}}"));
            Answer answer = client().put(BASE + "/entities/bulk", "{\"entities\":["
                    + "{\"type\":\"generic\",\"doc\":{\"entity\":{\"id\":\"db-prod-04\",\"attributes\":{\"asset\":true}}}},"
                    + "{\"type\":\"generic\",\"doc\":{\"entity.id\":\"db-prod-04\",\"entity.name\":\"x\"}}]}");
            assertError(answer, 400, "Bad Request",
                    "Bad request: The following attributes are not allowed to be updated without forcing it (?force=true): entity.name");
            assertThat(answer.json().at("/attributes/index").asInt()).isEqualTo(1);
            assertThat(storedOk("generic", "db-prod-04").at("/entity/attributes/asset").isMissingNode()).isTrue();
        }

        @Test
        void deleteThenRepeat() {
            assertOk(create("host", "{\"host\":{\"name\":\"web-05\"}}"));
            Answer deleted = client().request("DELETE", BASE + "/entities/").json("{\"entityId\":\"host:web-05\"}").send();
            assertThat(deleted.status()).isEqualTo(200);
            assertThat(deleted.body()).isEqualTo("{\"deleted\":true}");
            assertError(client().request("DELETE", BASE + "/entities/").json("{\"entityId\":\"host:web-05\"}").send(),
                    404, "Not Found", "Entity ID 'host:web-05' not found");
        }
    }

    @Nested
    class StatusMatrix {
        @Test
        void unknownBodyKeyIsASchemaFailure() {
            Answer answer = create("generic", "{\"entity\":{\"id\":\"x1\",\"colour\":\"red\"}}");
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.json().path("message").asText()).startsWith("[request body]: ");
        }

        @Test
        void updateWithNoDerivableId() {
            assertError(update("host", "", "{\"entity\":{\"name\":\"nothing\"}}"), 400, "Bad Request",
                    "Bad request: Could not derive EUID from document or find it in entity.id");
        }

        @Test
        void bulkWithNoDerivableIdFailsTheWholeRequest() {
            Answer answer = client().put(BASE + "/entities/bulk",
                    "{\"entities\":[{\"type\":\"host\",\"doc\":{\"entity\":{\"attributes\":{\"asset\":true}}}}]}");
            assertError(answer, 400, "Bad Request", "Bad request: Could not derive EUID from document or find it in entity.id");
        }

        @Test
        void bulkWithMismatchedIdFailsTheWholeRequest() {
            Answer answer = client().put(BASE + "/entities/bulk",
                    "{\"entities\":[{\"type\":\"host\",\"doc\":{\"entity\":{\"id\":\"nope\"},\"host\":{\"name\":\"h1\"}}}]}");
            assertError(answer, 400, "Bad Request", "Bad request: Supplied ID nope does not match generated EUID host:h1");
        }

        @Test
        void updateNoOpStillAnswersOk() {
            assertOk(create("generic", "{\"entity\":{\"id\":\"noop-1\"}}"));
            assertOk(update("generic", "", "{\"entity\":{\"id\":\"noop-1\"}}"));
        }

        @Test
        void getOfAMissingEntityIs404() {
            assertError(stored("host", "host:never"), 404, "Not Found", "Entity ID 'host:never' not found");
        }
    }
}
