package dev.entitystore.server.v2;

import static dev.entitystore.server.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entitystore.server.HttpClientForTests;
import dev.entitystore.server.HttpClientForTests.Answer;
import dev.entitystore.server.RunningServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * v2 engine management and the not-installed answers, each test in its own
 * space so that they do not see each other's installs.
 */
abstract class EnginesV2HttpSuite {
    @RegisterExtension
    static RunningServer server = new RunningServer();

    private static HttpClientForTests client() {
        return server.client();
    }

    private static String base(String space) {
        return "/s/" + space + "/api/security/entity_store";
    }

    @Test
    void entityRoutesAnswerNotInstalledUntilInstall() {
        String base = base("not-installed");
        String notInstalled = "Entity Store is not installed. Install it via POST /api/security/entity_store/install"
                + " or from the Security Entity Store page, then retry.";
        assertError(client().post(base + "/entities/generic", "{\"entity\":{\"id\":\"test-id\"}}"), 400, "Bad Request", notInstalled);
        assertError(client().put(base + "/entities/generic", "{\"entity\":{\"id\":\"test-id\"}}"), 400, "Bad Request", notInstalled);
        assertError(client().put(base + "/entities/bulk",
                "{\"entities\":[{\"type\":\"generic\",\"doc\":{\"entity\":{\"id\":\"test-id\"}}}]}"), 400, "Bad Request", notInstalled);
        // bodies that planning refuses (no EUID to derive): the installed check still comes first
        assertError(client().post(base + "/entities/service", "{\"entity\":{\"name\":\"payments\"}}"), 400, "Bad Request",
                notInstalled);
        assertError(client().put(base + "/entities/host", "{\"entity\":{\"name\":\"nothing\"}}"), 400, "Bad Request",
                notInstalled);
        assertError(client().request("DELETE", base + "/entities/").json("{\"entityId\":\"test-id\"}").send(), 404,
                "Not Found", "Entity ID 'test-id' not found");
    }

    @Test
    void statusBeforeInstallIsNotInstalledWithNoEngines() {
        Answer answer = client().get(base("fresh") + "/status");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().toString()).isEqualTo("{\"status\":\"not_installed\",\"engines\":[]}");
    }

    @Test
    void installAnswers201ThenStatusReportsTheSettingsThenRepeatAnswers200() {
        String base = base("install-host");
        String body = "{\"entityTypes\":[\"host\"],\"logExtraction\":{\"lookbackPeriod\":\"12h\",\"frequency\":\"5m\","
                + "\"delay\":\"2m\",\"fieldHistoryLength\":20}}";
        Answer first = client().post(base + "/install", body);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.body()).isEqualTo("{\"ok\":true}");
        assertThat(client().post(base + "/install", body).status()).isEqualTo(200);

        JsonNode status = client().get(base + "/status").json();
        assertThat(status.path("status").asText()).isEqualTo("running");
        assertThat(status.path("engines")).hasSize(1);
        JsonNode engine = status.path("engines").get(0);
        assertThat(engine.path("type").asText()).isEqualTo("host");
        assertThat(engine.path("status").asText()).isEqualTo("started");
        assertThat(engine.path("delay").asText()).isEqualTo("2m");
        assertThat(engine.path("frequency").asText()).isEqualTo("5m");
        assertThat(engine.path("lookbackPeriod").asText()).isEqualTo("12h");
        assertThat(engine.path("fieldHistoryLength").asInt()).isEqualTo(20);
        assertThat(engine.path("timeout").asText()).isEqualTo("25s");
        assertThat(engine.path("filter").asText()).isEmpty();
        assertThat(engine.has("components")).isFalse();
    }

    @Test
    void statusWithComponentsListsThem() {
        String base = base("components");
        client().post(base + "/install", "{\"entityTypes\":[\"user\"]}");
        JsonNode engine = client().get(base + "/status?include_components=true").json().path("engines").get(0);
        assertThat(engine.path("components").isArray()).isTrue();
        assertThat(engine.path("components")).isNotEmpty();
        assertThat(engine.path("components").get(0).path("installed").asBoolean()).isTrue();
    }

    @Test
    void installAllInstallsTheFourTypesWithTheirOwnCadences() {
        String base = base("install-all");
        assertThat(client().post(base + "/install", "{}").status()).isEqualTo(201);
        JsonNode engines = client().get(base + "/status").json().path("engines");
        assertThat(engines).hasSize(4);
        assertThat(engines.findValuesAsText("type")).containsExactlyInAnyOrder("user", "host", "service", "generic");
        for (JsonNode engine : engines) {
            String expected = switch (engine.path("type").asText()) {
                case "service" -> "10m";
                case "generic" -> "30m";
                default -> "30s";
            };
            assertThat(engine.path("frequency").asText()).as(engine.toString()).isEqualTo(expected);
        }
    }

    @Test
    void installByTypeAnswers201Then200() {
        String base = base("by-type");
        assertThat(client().post(base + "/install/service", "{\"logExtraction\":{\"frequency\":\"1m\"}}").status()).isEqualTo(201);
        assertThat(client().post(base + "/install/service", "{}").status()).isEqualTo(200);
        JsonNode engine = client().get(base + "/status").json().path("engines").get(0);
        assertThat(engine.path("frequency").asText()).isEqualTo("1m");
    }

    @Test
    void badCadenceIsRefusedWithKibanasTextAndInstallsNothing() {
        String base = base("bad-cadence");
        assertError(client().post(base + "/install/host", "{\"logExtraction\":{\"frequency\":\"5s\"}}"), 400, "Bad Request",
                "[request body]: logExtraction.frequency: must be a valid duration of at least 30 seconds (e.g. 1m, 30s)");
        assertError(client().post(base + "/install", "{\"historySnapshot\":{\"frequency\":\"1m\"}}"), 400, "Bad Request",
                "[request body]: historySnapshot.frequency: must be a valid duration between 1 hour and 1000 days (e.g. 1h, 24h, 30d)");
        assertError(client().post(base + "/install", "{\"logExtraction\":{\"delay\":\"5h\"}}"), 400, "Bad Request",
                "[request body]: logExtraction.delay: must be less than lookbackPeriod");
        assertThat(client().get(base + "/status").json().path("status").asText()).isEqualTo("not_installed");
    }

    @Test
    void stopThenStartChangesEngineStatus() {
        String base = base("start-stop");
        client().post(base + "/install", "{\"entityTypes\":[\"host\",\"user\"]}");
        assertThat(client().put(base + "/stop", "{\"entityTypes\":[\"host\"]}").body()).isEqualTo("{\"ok\":true}");
        JsonNode engines = client().get(base + "/status").json().path("engines");
        for (JsonNode engine : engines) {
            assertThat(engine.path("status").asText()).isEqualTo("host".equals(engine.path("type").asText()) ? "stopped" : "started");
        }
        client().put(base + "/stop", "{}");
        assertThat(client().get(base + "/status").json().path("status").asText()).isEqualTo("stopped");
        assertThat(client().put(base + "/start", "").status()).isEqualTo(200);
        assertThat(client().get(base + "/status").json().path("status").asText()).isEqualTo("running");
    }

    @Test
    void updateConfigNeedsAnInstalledStoreAndAppliesToEveryType() {
        String base = base("update-config");
        assertError(client().put(base, "{\"logExtraction\":{\"frequency\":\"2m\"}}"), 404, "Not Found", "Entity store is not installed");
        client().post(base + "/install", "{\"entityTypes\":[\"host\",\"service\"]}");
        assertThat(client().put(base, "{\"logExtraction\":{\"frequency\":\"2m\",\"fieldHistoryLength\":5}}").status()).isEqualTo(200);
        for (JsonNode engine : client().get(base + "/status").json().path("engines")) {
            assertThat(engine.path("frequency").asText()).isEqualTo("2m");
            assertThat(engine.path("fieldHistoryLength").asInt()).isEqualTo(5);
        }
        assertThat(client().put(base + "/update/service", "{\"logExtraction\":{\"frequency\":\"20m\"}}").status()).isEqualTo(200);
        for (JsonNode engine : client().get(base + "/status").json().path("engines")) {
            assertThat(engine.path("frequency").asText()).isEqualTo("service".equals(engine.path("type").asText()) ? "20m" : "2m");
        }
    }

    @Test
    void uninstallingEveryTypeReturnsToNotInstalledAndRemovesEntities() {
        String base = base("uninstall");
        client().post(base + "/install", "{}");
        assertThat(client().post(base + "/entities/generic", "{\"entity\":{\"id\":\"gone-soon\"}}").status()).isEqualTo(200);
        assertThat(client().post(base + "/uninstall/generic", "").status()).isEqualTo(200);
        assertThat(client().get(base + "/status").json().path("engines")).hasSize(3);
        assertThat(client().post(base + "/uninstall", "{}").body()).isEqualTo("{\"ok\":true}");
        assertThat(client().get(base + "/status").json().path("status").asText()).isEqualTo("not_installed");
        assertThat(client().post(base + "/entities/generic", "{\"entity\":{\"id\":\"gone-soon\"}}").status()).isEqualTo(400);
        client().post(base + "/install", "{}");
        assertThat(client().get(base + "/entities/generic/gone-soon").status()).isEqualTo(404);
        assertThat(client().post(base + "/uninstall", "{}").status()).isEqualTo(200);
        assertThat(client().post(base + "/uninstall", "{}").status()).isEqualTo(200);
    }

    @Test
    void spacesAreIsolated() {
        client().post(base("space-a") + "/install", "{}");
        client().post(base("space-b") + "/install", "{}");
        assertThat(client().post(base("space-a") + "/entities/generic", "{\"entity\":{\"id\":\"shared-id\",\"type\":\"a\"}}").status()).isEqualTo(200);
        assertThat(client().get(base("space-b") + "/entities/generic/shared-id").status()).isEqualTo(404);
        assertThat(client().post(base("space-b") + "/entities/generic", "{\"entity\":{\"id\":\"shared-id\",\"type\":\"b\"}}").status()).isEqualTo(200);
        assertThat(client().get(base("space-a") + "/entities/generic/shared-id").json().at("/entity/type").asText()).isEqualTo("a");
        assertThat(client().get(base("space-b") + "/entities/generic/shared-id").json().at("/entity/type").asText()).isEqualTo("b");
        assertThat(client().get("/api/security/entity_store/status").json().path("status").asText()).isNotEqualTo("running");
    }

    @Test
    void engineStateAndEntitiesSurviveARestart() {
        String base = base("restart");
        client().post(base + "/install", "{\"entityTypes\":[\"host\"]}");
        client().post(base + "/entities/host", "{\"host\":{\"name\":\"durable\"}}");
        server.stop();
        server.start();
        assertThat(client().get(base + "/status").json().path("engines").get(0).path("type").asText()).isEqualTo("host");
        assertThat(client().get(base + "/entities/host/host:durable").json().at("/host/name").asText()).isEqualTo("durable");
    }
}
