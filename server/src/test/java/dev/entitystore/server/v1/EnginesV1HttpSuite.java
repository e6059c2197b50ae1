package dev.entitystore.server.v1;

import static dev.entitystore.server.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entitystore.server.HttpClientForTests;
import dev.entitystore.server.HttpClientForTests.Answer;
import dev.entitystore.server.RunningServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The legacy v1 engine routes (product rules §3.4, §3.14, §3.15) over the engine state v2 shares. Each
 * test works in its own space, so that engines installed by one are not seen by another.
 */
abstract class EnginesV1HttpSuite {
    @RegisterExtension
    static RunningServer server = new RunningServer();

    private static HttpClientForTests client() {
        return server.client();
    }

    static String v1(String space) {
        return "/s/" + space + "/api/entity_store";
    }

    static String v2(String space) {
        return "/s/" + space + "/api/security/entity_store";
    }

    private static Answer delete(String path) {
        return client().request("DELETE", path).send();
    }

    private static JsonNode ok(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    @Test
    void statusBeforeAnythingIsNotInstalled() {
        assertThat(ok(client().get(v1("v1-fresh") + "/status")).toString())
                .isEqualTo("{\"status\":\"not_installed\",\"engines\":[]}");
        assertThat(ok(client().get(v1("v1-fresh") + "/engines")).toString()).isEqualTo("{\"count\":0,\"engines\":[]}");
    }

    @Test
    void initAnswersTheStartedEngineWithKibanasDefaults() {
        JsonNode descriptor = ok(client().post(v1("v1-init") + "/engines/host/init", "{}"));
        assertThat(descriptor.path("type").asText()).isEqualTo("host");
        assertThat(descriptor.path("status").asText()).isEqualTo("started");
        assertThat(descriptor.path("indexPattern").asText()).isEmpty();
        assertThat(descriptor.path("fieldHistoryLength").asInt()).isEqualTo(10);
        assertThat(descriptor.path("lookbackPeriod").asText()).isEqualTo("24h");
        assertThat(descriptor.path("timeout").asText()).isEqualTo("180s");
        assertThat(descriptor.path("frequency").asText()).isEqualTo("1m");
        assertThat(descriptor.path("delay").asText()).isEqualTo("1m");
        assertThat(descriptor.path("timestampField").asText()).isEqualTo("@timestamp");
        assertThat(descriptor.path("docsPerSecond").asInt()).isEqualTo(10000);

        JsonNode status = ok(client().get(v1("v1-init") + "/status"));
        assertThat(status.path("status").asText()).isEqualTo("running");
        assertThat(status.path("engines").get(0).path("type").asText()).isEqualTo("host");
        assertThat(status.path("engines").get(0).has("components")).isFalse();
        JsonNode withComponents = ok(client().get(v1("v1-init") + "/status?include_components=true"));
        assertThat(withComponents.path("engines").get(0).path("components")).isNotEmpty();
    }

    @Test
    void initTakesEveryPublishedFieldAndReportsIt() {
        String body = "{\"delay\":\"2m\",\"docsPerSecond\":42,\"enrichPolicyExecutionInterval\":\"1h\","
                + "\"fieldHistoryLength\":7,\"filter\":\"host.name: *\",\"frequency\":\"5m\",\"indexPattern\":\"logs-*\","
                + "\"lookbackPeriod\":\"24h\",\"timeout\":\"180s\",\"timestampField\":\"event.ingested\","
                + "\"maxPageSearchSize\":100}";
        JsonNode descriptor = ok(client().post(v1("v1-fields") + "/engines/user/init", body));
        assertThat(descriptor.path("delay").asText()).isEqualTo("2m");
        assertThat(descriptor.path("docsPerSecond").asInt()).isEqualTo(42);
        assertThat(descriptor.path("enrichPolicyExecutionInterval").asText()).isEqualTo("1h");
        assertThat(descriptor.path("fieldHistoryLength").asInt()).isEqualTo(7);
        assertThat(descriptor.path("filter").asText()).isEqualTo("host.name: *");
        assertThat(descriptor.path("frequency").asText()).isEqualTo("5m");
        assertThat(descriptor.path("indexPattern").asText()).isEqualTo("logs-*");
        assertThat(descriptor.path("timestampField").asText()).isEqualTo("event.ingested");
        assertThat(descriptor.path("maxPageSearchSize").asInt()).isEqualTo(100);
        assertThat(ok(client().get(v1("v1-fields") + "/engines/user"))).isEqualTo(descriptor);
    }

    @Test
    void initRefusesWhatKibanasSchemaRefuses() {
        String base = v1("v1-bad-init") + "/engines/host/init";
        Answer badDuration = client().post(base, "{\"lookbackPeriod\":\"3x\"}");
        assertThat(badDuration.status()).isEqualTo(400);
        assertThat(badDuration.json().path("message").asText()).startsWith("[request body]: lookbackPeriod: ");
        Answer badInterval = client().post(base, "{\"enrichPolicyExecutionInterval\":\"0h\"}");
        assertThat(badInterval.json().path("message").asText()).startsWith("[request body]: enrichPolicyExecutionInterval: ");
        // any integer is Kibana's v1 schema (issue 16, item 5); a word is not
        Answer wordHistory = client().post(base, "{\"fieldHistoryLength\":\"ten\"}");
        assertThat(wordHistory.json().path("message").asText()).as(wordHistory.body()).startsWith("[request body]: fieldHistoryLength");
        assertError(client().post(base, "{\"enrichPolicyExecutionInterval\":\"13h\"}"), 400, "Bad Request",
                "[request body]: The enrich policy execution interval must be less than or equal to half the "
                        + "duration of the lookback period.");
        assertError(client().post(base, "{\"colour\":\"red\"}"), 400, "Bad Request",
                "[request body]: Unrecognized key: \"colour\"");
        assertError(client().post(v1("v1-bad-init") + "/engines/planet/init", "{}"), 400, "Bad Request",
                "[request params]: entityType: Invalid option: expected one of "
                        + "\"user\"|\"host\"|\"service\"|\"generic\"|\"universal\"");
        assertThat(ok(client().get(v1("v1-bad-init") + "/status")).path("status").asText()).isEqualTo("not_installed");
    }

    @Test
    void universalIsAcceptedByTheRoutesButNeverInstalled() {
        String base = v1("v1-universal");
        assertError(client().post(base + "/engines/universal/init", "{}"), 400, "Bad Request",
                "The universal entity engine is no longer supported; use the generic engine");
        String notFound = "Saved object [entity-engine-status/entity-engine-descriptor-universal-v1-universal] not found";
        assertError(client().get(base + "/engines/universal"), 404, "Not Found", notFound);
        assertError(client().post(base + "/engines/universal/start", ""), 404, "Not Found", notFound);
        assertError(client().post(base + "/engines/universal/stop", ""), 404, "Not Found", notFound);
        assertThat(ok(delete(base + "/engines/universal")).toString()).isEqualTo("{\"deleted\":true}");
        JsonNode enabled = ok(client().post(base + "/enable", "{\"entityTypes\":[\"universal\",\"generic\"]}"));
        assertThat(enabled.path("succeeded").asBoolean()).isTrue();
        assertThat(enabled.path("engines").findValuesAsText("type")).containsExactly("generic");
        assertError(client().put(base + "/entities/universal", "{\"entity\":{\"id\":\"x\"}}"), 400, "Bad Request",
                "[request params]: entityType: Invalid option: expected one of \"user\"|\"host\"|\"service\"|\"generic\"");
    }

    @Test
    void enableWithoutTypesInitialisesTheFourWithTheGivenSettings() {
        JsonNode answer = ok(client().post(v1("v1-enable") + "/enable", "{\"fieldHistoryLength\":5}"));
        assertThat(answer.path("succeeded").asBoolean()).isTrue();
        assertThat(answer.path("engines").findValuesAsText("type")).containsExactly("user", "host", "service", "generic");
        assertThat(answer.path("engines").findValuesAsText("status")).containsOnly("started");
        assertThat(answer.path("engines").findValues("fieldHistoryLength")).allMatch(n -> n.asInt() == 5);
        JsonNode list = ok(client().get(v1("v1-enable") + "/engines"));
        assertThat(list.path("count").asInt()).isEqualTo(4);
    }

    @Test
    void startAndStopAnswerKibanasBodiesAndNeedAnInstalledEngine() {
        String base = v1("v1-start-stop");
        assertError(client().post(base + "/engines/service/start", ""), 404, "Not Found",
                "Saved object [entity-engine-status/entity-engine-descriptor-service-v1-start-stop] not found");
        client().post(base + "/engines/service/init", "{}");
        assertThat(ok(client().post(base + "/engines/service/stop", "")).toString()).isEqualTo("{\"stopped\":true}");
        assertThat(ok(client().post(base + "/engines/service/stop", "")).toString()).isEqualTo("{\"stopped\":true}");
        assertThat(ok(client().get(base + "/engines/service")).path("status").asText()).isEqualTo("stopped");
        assertThat(ok(client().get(base + "/status")).path("status").asText()).isEqualTo("stopped");
        assertThat(ok(client().post(base + "/engines/service/start", "{\"timestampField\":\"@timestamp\"}")).toString())
                .isEqualTo("{\"started\":true}");
        assertThat(ok(client().post(base + "/engines/service/start", "")).toString()).isEqualTo("{\"started\":true}");
        assertThat(ok(client().get(base + "/engines/service")).path("status").asText()).isEqualTo("started");
    }

    @Test
    void getOfAnEngineNotInstalledIs404() {
        assertError(client().get(v1("v1-get") + "/engines/user"), 404, "Not Found",
                "Saved object [entity-engine-status/entity-engine-descriptor-user-v1-get] not found");
    }

    @Test
    void deleteEngineKeepsItsEntitiesUnlessAsked() {
        String base = v1("v1-delete");
        client().post(base + "/enable", "{\"entityTypes\":[\"host\",\"user\"]}");
        ok(client().put(base + "/entities/host", "{\"entity\":{\"id\":\"host:kept\",\"attributes\":{\"managed\":true}}}"));
        assertThat(ok(delete(base + "/engines/host")).toString()).isEqualTo("{\"deleted\":true}");
        assertError(client().get(base + "/engines/host"), 404, "Not Found",
                "Saved object [entity-engine-status/entity-engine-descriptor-host-v1-delete] not found");
        assertThat(client().get(v2("v1-delete") + "/entities/host/host:kept").status()).isEqualTo(200);

        client().post(base + "/engines/host/init", "{}");
        assertThat(ok(delete(base + "/engines/host?data=true")).toString()).isEqualTo("{\"deleted\":true}");
        assertThat(client().get(v2("v1-delete") + "/entities/host/host:kept").status()).isEqualTo(404);
        assertThat(ok(delete(base + "/engines/host?delete_data=true")).toString()).isEqualTo("{\"deleted\":true}");
        assertThat(ok(client().get(base + "/engines")).path("count").asInt()).isEqualTo(1);
    }

    @Test
    void deleteManyAnswersDeletedAndStillRunning() {
        String base = v1("v1-delete-many");
        client().post(base + "/enable", "{}");
        JsonNode answer = ok(delete(base + "/engines?entityTypes=host,service&delete_data=true"));
        assertThat(answer.toString()).isEqualTo("{\"deleted\":[\"host\",\"service\"],\"still_running\":[\"user\",\"generic\"]}");
        answer = ok(delete(base + "/engines?entityTypes=user&entityTypes=universal"));
        assertThat(answer.toString()).isEqualTo("{\"deleted\":[\"user\"],\"still_running\":[\"generic\"]}");
        answer = ok(delete(base + "/engines"));
        assertThat(answer.toString()).isEqualTo("{\"deleted\":[\"generic\"],\"still_running\":[]}");
        assertThat(ok(client().get(base + "/status")).path("status").asText()).isEqualTo("not_installed");
        assertError(delete(base + "/engines?entityTypes=host,planet"), 400, "Bad Request",
                "[request query]: entityTypes.1: Invalid option: expected one of "
                        + "\"user\"|\"host\"|\"service\"|\"generic\"|\"universal\"");
    }

    @Test
    void applyDataviewIndicesReportsNoChangeForEachEngine() {
        String base = v1("v1-dataview");
        assertThat(ok(client().post(base + "/engines/apply_dataview_indices", "")).toString())
                .isEqualTo("{\"success\":true,\"result\":[]}");
        client().post(base + "/engines/host/init", "{}");
        assertThat(ok(client().post(base + "/engines/apply_dataview_indices", "")).toString())
                .isEqualTo("{\"success\":true,\"result\":[{\"type\":\"host\",\"changes\":{}}]}");
    }

    @Test
    void engineRoutesNeedKbnXsrfOnWrites() {
        assertError(client().request("POST", v1("v1-xsrf") + "/engines/host/init").json("{}").withoutHeader("kbn-xsrf")
                .send(), 400, "Bad Request", "Request must contain a kbn-xsrf header.");
    }

    @Test
    void anEngineInstalledByV2ShowsInV1WithV2sSettings() {
        String space = "v2-to-v1";
        assertThat(client().post(v2(space) + "/install",
                "{\"entityTypes\":[\"host\"],\"logExtraction\":{\"frequency\":\"5m\",\"fieldHistoryLength\":20}}").status())
                .isEqualTo(201);
        JsonNode list = ok(client().get(v1(space) + "/engines"));
        assertThat(list.path("count").asInt()).isEqualTo(1);
        JsonNode host = ok(client().get(v1(space) + "/engines/host"));
        assertThat(host.path("status").asText()).isEqualTo("started");
        assertThat(host.path("frequency").asText()).isEqualTo("5m");
        assertThat(host.path("fieldHistoryLength").asInt()).isEqualTo(20);
        assertThat(host.path("indexPattern").asText()).isEmpty();
        assertThat(list.path("engines").get(0)).isEqualTo(host);

        client().put(v2(space) + "/stop", "{\"entityTypes\":[\"host\"]}");
        assertThat(ok(client().get(v1(space) + "/engines/host")).path("status").asText()).isEqualTo("stopped");
    }

    @Test
    void anEngineInitialisedByV1ShowsInV2AndV2CanUninstallIt() {
        String space = "v1-to-v2";
        ok(client().post(v1(space) + "/engines/generic/init", "{\"frequency\":\"2m\"}"));
        JsonNode status = ok(client().get(v2(space) + "/status"));
        assertThat(status.path("status").asText()).isEqualTo("running");
        assertThat(status.path("engines").get(0).path("type").asText()).isEqualTo("generic");
        assertThat(status.path("engines").get(0).path("frequency").asText()).isEqualTo("2m");
        assertThat(client().post(v2(space) + "/install/generic", "{}").status()).isEqualTo(200);

        client().post(v2(space) + "/uninstall", "{}");
        assertThat(ok(client().get(v1(space) + "/status")).path("status").asText()).isEqualTo("not_installed");
    }
}
