package dev.entitystore.server.resolution;

import static dev.entitystore.server.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entitystore.server.HttpClientForTests.Answer;
import dev.entitystore.server.RunningServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Kibana's internal maintainer routes for the automated resolution (issue 19): list, init, start, stop and
 * run now, per space, with Kibana's texts; the state survives a restart. (The test server runs no schedule:
 * {@link ScheduledResolutionHttpSuite} covers the schedule.)
 */
abstract class EntityMaintainersHttpSuite {
    private static final String MAINTAINERS = "/internal/security/entity_store/entity_maintainers";

    @RegisterExtension
    static RunningServer server = new RunningServer();

    private static JsonNode state(String space) {
        Answer answer = server.client().get("/s/" + space + MAINTAINERS);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("maintainers")).hasSize(1);
        return answer.json().path("maintainers").get(0);
    }

    private static Answer call(String method, String space, String path, String body) {
        var request = server.client().request(method, "/s/" + space + MAINTAINERS + path);
        return (body == null ? request : request.json(body)).send();
    }

    private static void install(String space) {
        assertThat(server.client().post("/s/" + space + "/api/security/entity_store/install", "{}").status()).isEqualTo(201);
    }

    @Test
    void theListShowsTheMaintainerOfTheSpaceInKibanasShape() {
        JsonNode before = state("mt-list");
        assertThat(before.path("id").asText()).isEqualTo("automated-resolution");
        assertThat(before.path("taskStatus").asText()).as("no store installed").isEqualTo("never_started");
        install("mt-list");
        JsonNode after = state("mt-list");
        assertThat(after.path("taskStatus").asText()).isEqualTo("started");
        assertThat(after.path("interval").asText()).as("this test server runs no schedule").isEqualTo("off");
        assertThat(after.has("nextRunAt")).as("left out: no run is due").isFalse();
        assertThat(after.path("minLicense").asText()).isEqualTo("basic");
        assertThat(after.has("customState")).isFalse();
        assertThat(after.path("runs").asLong()).isZero();
        assertThat(after.has("lastSuccessTimestamp")).isFalse();
        assertThat(server.client().get("/s/mt-list" + MAINTAINERS + "?ids=risk-score,watchlist").json().path("maintainers"))
                .as("Kibana's other maintainers are not served").isEmpty();
        assertThat(server.client().get("/s/mt-list" + MAINTAINERS + "?ids=risk-score,automated-resolution").json()
                .path("maintainers")).hasSize(1);
    }

    @Test
    void stopStartAndInitSetTheStatusOfOneSpaceAndRunsAreCounted() {
        install("mt-toggle");
        install("mt-other");
        assertThat(call("PUT", "mt-toggle", "/stop/automated-resolution", null).json().path("ok").asBoolean()).isTrue();
        assertThat(state("mt-toggle").path("taskStatus").asText()).isEqualTo("stopped");
        assertThat(state("mt-other").path("taskStatus").asText()).as("other spaces untouched").isEqualTo("started");
        assertThat(call("PUT", "mt-toggle", "/start/automated-resolution", null).status()).isEqualTo(200);
        assertThat(state("mt-toggle").path("taskStatus").asText()).isEqualTo("started");
        assertThat(call("POST", "mt-toggle", "/init", "{\"autoStart\":false}").json().path("ok").asBoolean()).isTrue();
        assertThat(state("mt-toggle").path("taskStatus").asText()).isEqualTo("stopped");
        assertThat(call("POST", "mt-toggle", "/init", null).status()).isEqualTo(200);
        assertThat(state("mt-toggle").path("taskStatus").asText()).isEqualTo("started");

        assertThat(call("POST", "mt-toggle", "/run/automated-resolution", null).status()).isEqualTo(200);
        assertThat(call("POST", "mt-toggle", "/run/automated-resolution", null).status()).isEqualTo(200);
        JsonNode ran = state("mt-toggle");
        assertThat(ran.path("runs").asLong()).isEqualTo(2);
        assertThat(ran.path("lastSuccessTimestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(ran.has("lastErrorTimestamp")).isFalse();
    }

    @Test
    void theStateSurvivesARestart() {
        install("mt-restart");
        call("PUT", "mt-restart", "/stop/automated-resolution", null);
        call("POST", "mt-restart", "/run/automated-resolution", null);
        server.stop();
        server.start();
        JsonNode state = state("mt-restart");
        assertThat(state.path("taskStatus").asText()).isEqualTo("stopped");
        assertThat(state.path("runs").asLong()).isEqualTo(1);
    }

    @Test
    void kibanasErrorsForAnUnknownMaintainerAStoreNotInstalledAndABadBody() {
        assertError(call("PUT", "mt-errors", "/start/risk-score", null), 400, "Bad Request",
                "[request params]: id: Entity maintainer not found");
        assertError(call("PUT", "mt-errors", "/stop/watchlist", null), 400, "Bad Request",
                "[request params]: id: Entity maintainer not found");
        assertError(call("POST", "mt-errors", "/init", "{}"), 400, "Bad Request",
                "Entity store is not installed. Install the entity store first, then initialize entity maintainers.");
        install("mt-errors");
        Answer unknownKey = call("POST", "mt-errors", "/init", "{\"autoStart\":true,\"when\":\"now\"}");
        assertThat(unknownKey.status()).isEqualTo(400);
        assertThat(unknownKey.json().path("message").asText()).startsWith("[request body]");
        assertThat(state("mt-errors").path("taskStatus").asText()).as("a refused request changes nothing").isEqualTo("started");
    }
}
