package dev.entitystore.server.v2;

import static dev.entitystore.server.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entitystore.server.HttpClientForTests;
import dev.entitystore.server.HttpClientForTests.Answer;
import dev.entitystore.server.RunningServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The newest Kibana's install and update bodies: {@code excludedUserNames}, {@code historySnapshot}, every
 * log-extraction knob, validated, stored, reported by status, and {@code null} clearing an override.
 */
abstract class NewestInstallBodiesHttpSuite {
    @RegisterExtension
    static RunningServer server = new RunningServer();

    private static HttpClientForTests client() {
        return server.client();
    }

    private static String base(String space) {
        return "/s/" + space + "/api/security/entity_store";
    }

    private static JsonNode status(String space) {
        return client().get(base(space) + "/status").json();
    }

    private static JsonNode engine(String space, String type) {
        for (JsonNode engine : status(space).path("engines")) {
            if (engine.path("type").asText().equals(type)) {
                return engine;
            }
        }
        throw new AssertionError("no " + type + " engine in " + status(space));
    }

    @Test
    void everyKnobOfTheNewestInstallIsStoredAndReported() {
        String body = "{\"entityTypes\":[\"user\"],\"excludedUserNames\":[\"svc-backup\",\"root\"],"
                + "\"historySnapshot\":{\"frequency\":\"48h\"},\"logExtraction\":{"
                + "\"additionalIndexPatterns\":[\"logs-okta-*\"],\"excludedIndexPatterns\":[\"logs-noisy-*\"],"
                + "\"docsLimit\":20000,\"maxLogsPerPage\":30000,\"maxTimeWindowSize\":\"10m\",\"maxLogsPerWindow\":100000,"
                + "\"maxLogsPerWindowCapBehavior\":\"defer\"}}";
        Answer installed = client().post(base("newest") + "/install", body);
        assertThat(installed.status()).as(installed.body()).isEqualTo(201);
        JsonNode status = status("newest");
        assertThat(status.path("excludedUserNames").toString()).isEqualTo("[\"svc-backup\",\"root\"]");
        assertThat(status.path("historySnapshot").toString()).isEqualTo("{\"status\":\"started\",\"frequency\":\"48h\"}");
        JsonNode user = engine("newest", "user");
        assertThat(user.path("additionalIndexPatterns").toString()).isEqualTo("[\"logs-okta-*\"]");
        assertThat(user.path("excludedIndexPatterns").toString()).isEqualTo("[\"logs-noisy-*\"]");
        assertThat(user.path("docsLimit").asLong()).isEqualTo(20000);
        assertThat(user.path("maxLogsPerPage").asInt()).isEqualTo(30000);
        assertThat(user.path("maxTimeWindowSize").asText()).isEqualTo("10m");
        assertThat(user.path("maxLogsPerWindow").asInt()).isEqualTo(100000);
        assertThat(user.path("maxLogsPerWindowCapBehavior").asText()).isEqualTo("defer");
    }

    @Test
    void defaultsAreTheNewestKibanas() {
        assertThat(client().post(base("defaults") + "/install", "{}").status()).isEqualTo(201);
        JsonNode status = status("defaults");
        assertThat(status.has("excludedUserNames")).isFalse();
        assertThat(status.path("historySnapshot").path("frequency").asText()).isEqualTo("24h");
        JsonNode host = engine("defaults", "host");
        assertThat(host.path("frequency").asText()).isEqualTo("30s");
        assertThat(host.path("maxLogsPerPage").asInt()).isEqualTo(50000);
        assertThat(host.path("maxLogsPerWindowCapBehavior").asText()).isEqualTo("drop");
        assertThat(engine("defaults", "service").path("frequency").asText()).isEqualTo("10m");
        assertThat(engine("defaults", "generic").path("frequency").asText()).isEqualTo("30m");
    }

    @Test
    void badExcludedUserNamesAreRefusedAndInstallNothing() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            names.add("\"u" + i + "\"");
        }
        Answer tooMany = client().post(base("bad-excluded") + "/install", "{\"excludedUserNames\":[" + String.join(",", names) + "]}");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().path("message").asText()).startsWith("[request body]").contains("excludedUserNames");
        assertError(client().post(base("bad-excluded") + "/install", "{\"excludedUserNames\":[\"ok\",\" \"]}"), 400,
                "Bad Request", "[request body]: excludedUserNames.1: must be a non-empty string");
        assertThat(client().post(base("bad-excluded") + "/install", "{\"historySnapshot\":{\"frequency\":\"1001d\"}}")
                .status()).isEqualTo(400);
        assertThat(status("bad-excluded").path("status").asText()).isEqualTo("not_installed");
    }

    @Test
    void nullClearsAnOverrideAndTheLayerBelowShowsAgain() {
        client().post(base("clear") + "/install", "{\"logExtraction\":{\"frequency\":\"5m\",\"maxLogsPerPage\":1000,"
                + "\"additionalIndexPatterns\":[\"logs-x-*\"]}}");
        assertThat(engine("clear", "host").path("frequency").asText()).isEqualTo("5m");
        Answer cleared = client().put(base("clear"), "{\"logExtraction\":{\"frequency\":null,\"maxLogsPerPage\":null,"
                + "\"additionalIndexPatterns\":null,\"delay\":\"2m\"}}");
        assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
        JsonNode host = engine("clear", "host");
        assertThat(host.path("frequency").asText()).isEqualTo("30s");
        assertThat(host.path("maxLogsPerPage").asInt()).isEqualTo(50000);
        assertThat(host.has("additionalIndexPatterns")).isFalse();
        assertThat(host.path("delay").asText()).isEqualTo("2m");
        assertThat(engine("clear", "service").path("frequency").asText()).isEqualTo("10m");

        client().put(base("clear") + "/update/host", "{\"logExtraction\":{\"frequency\":\"7m\"}}");
        assertThat(engine("clear", "host").path("frequency").asText()).isEqualTo("7m");
        client().put(base("clear") + "/update/host", "{\"logExtraction\":{\"frequency\":null}}");
        assertThat(engine("clear", "host").path("frequency").asText()).isEqualTo("30s");
    }

    @Test
    void settingsSurviveARestart() {
        client().post(base("kept") + "/install", "{\"excludedUserNames\":[\"svc\"],\"historySnapshot\":{\"frequency\":\"12h\"}}");
        server.stop();
        server.start();
        assertThat(status("kept").path("excludedUserNames").toString()).isEqualTo("[\"svc\"]");
        assertThat(status("kept").path("historySnapshot").path("frequency").asText()).isEqualTo("12h");
    }
}
