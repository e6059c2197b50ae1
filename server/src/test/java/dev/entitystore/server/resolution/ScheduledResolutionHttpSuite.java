package dev.entitystore.server.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entitystore.server.HttpClientForTests.Answer;
import dev.entitystore.server.RunningServer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code --resolution-interval}: a server started with a short interval links users sharing an email on its
 * own, with no request to the maintainer route (issue 19).
 */
abstract class ScheduledResolutionHttpSuite {
    private static final String BASE = "/s/scheduled/api/security/entity_store";
    private static final String MAINTAINERS = "/internal/security/entity_store/entity_maintainers";
    private static final String RESOLVED_TO = "/entity/relationships/resolution/resolved_to";

    @RegisterExtension
    static RunningServer server = new RunningServer(Map.of("ENTITY_STORE_RESOLUTION_INTERVAL", "1s"));

    private static void user(String euid, String module, String address) {
        user("scheduled", euid, module, address);
    }

    private static void user(String space, String euid, String module, String address) {
        Answer created = server.client().post("/s/" + space + "/api/security/entity_store/entities/user", "{\"entity\":{\"id\":\"" + euid
                + "\"},\"event\":{\"module\":\"" + module + "\"},\"user\":{\"email\":[\"" + address + "\"]}}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
    }

    private static String resolvedTo(String space, String euid) {
        JsonNode record = server.client().get("/s/" + space + "/api/security/entity_store/entities/user/" + euid).json();
        return record.at(RESOLVED_TO).isMissingNode() ? null : record.at(RESOLVED_TO).asText();
    }

    /** A run walks every installed space with every rule: on a loaded machine it takes its time. */
    private static String linkedWithin3Minutes(String space, String euid) throws InterruptedException {
        long deadline = System.nanoTime() + 180_000_000_000L;
        String resolvedTo = null;
        while (resolvedTo == null && System.nanoTime() < deadline) {
            Thread.sleep(250);
            resolvedTo = resolvedTo(space, euid);
        }
        return resolvedTo;
    }

    @Test
    void aScheduledRunLinksUsersSharingAnEmailWithoutBeingAsked() throws InterruptedException {
        assertThat(server.client().post(BASE + "/install", "{}").status()).isEqualTo(201);
        user("user:kim@corp.example@okta", "okta", "kim@corp.example");
        user("user:kim@corp.example@entra_id", "azure", "kim@corp.example");
        // Neither record is an identity provider's or has a first sighting: the smaller EUID is the target.
        assertThat(linkedWithin3Minutes("scheduled", "user:kim@corp.example@okta")).as("linked by a scheduled run")
                .isEqualTo("user:kim@corp.example@entra_id");
        assertThat(resolvedTo("scheduled", "user:kim@corp.example@entra_id")).isNull();
        // A run records itself once it has gone through the space, after its links: the link can be seen first.
        JsonNode state = server.client().get("/s/scheduled" + MAINTAINERS).json().path("maintainers").get(0);
        for (long deadline = System.nanoTime() + 30_000_000_000L; state.path("runs").asLong() == 0 && System.nanoTime() < deadline; ) {
            Thread.sleep(100);
            state = server.client().get("/s/scheduled" + MAINTAINERS).json().path("maintainers").get(0);
        }
        assertThat(state.path("taskStatus").asText()).isEqualTo("started");
        assertThat(state.path("interval").asText()).isEqualTo("1s");
        assertThat(state.path("runs").asLong()).isPositive();
        assertThat(state.path("lastSuccessTimestamp").isTextual()).isTrue();
        assertThat(state.path("nextRunAt").isTextual()).as(state.toString()).isTrue();
    }

    @Test
    void aStoppedMaintainerIsSkippedByTheScheduleUntilStartedAgain() throws InterruptedException {
        for (String space : new String[] {"paused", "ticking"}) {
            assertThat(server.client().post("/s/" + space + "/api/security/entity_store/install", "{}").status()).isEqualTo(201);
        }
        Answer stopped = server.client().request("PUT", "/s/paused" + MAINTAINERS + "/stop/automated-resolution").send();
        assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
        user("paused", "user:lee@corp.example@okta", "okta", "lee@corp.example");
        user("paused", "user:lee@corp.example@entra_id", "azure", "lee@corp.example");
        user("ticking", "user:max@corp.example@okta", "okta", "max@corp.example");
        user("ticking", "user:max@corp.example@entra_id", "azure", "max@corp.example");
        assertThat(linkedWithin3Minutes("ticking", "user:max@corp.example@okta")).isEqualTo("user:max@corp.example@entra_id");
        Thread.sleep(2_500); // two more scheduled runs
        assertThat(resolvedTo("paused", "user:lee@corp.example@okta")).as("the schedule skips a stopped space").isNull();
        JsonNode state = server.client().get("/s/paused" + MAINTAINERS + "?ids=automated-resolution").json().path("maintainers").get(0);
        assertThat(state.path("taskStatus").asText()).isEqualTo("stopped");
        assertThat(state.has("nextRunAt")).as("none while stopped").isFalse();

        assertThat(server.client().request("PUT", "/s/paused" + MAINTAINERS + "/start/automated-resolution").send().status())
                .isEqualTo(200);
        assertThat(linkedWithin3Minutes("paused", "user:lee@corp.example@okta")).isEqualTo("user:lee@corp.example@entra_id");
    }
}
