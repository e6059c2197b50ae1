package dev.entitystore.server.history;

import static dev.entitystore.server.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entitystore.server.HttpClientForTests;
import dev.entitystore.server.HttpClientForTests.Answer;
import dev.entitystore.server.RunningServer;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Kibana's history-snapshot routes over the change log: enable takes a snapshot (a bookmark with the live
 * record count) at once, disable stops and optionally forgets them, status reports both, a snapshot's time
 * reads the store as it was then, and all of it survives a restart; Kibana's internal routes take one now
 * ({@code force_history_snapshot}) and change the cadence ({@code update_history_snapshot_cadence}).
 */
abstract class HistorySnapshotHttpSuite {
    @RegisterExtension
    static RunningServer server = new RunningServer();

    private static HttpClientForTests client() {
        return server.client();
    }

    private static String base(String space) {
        return "/s/" + space + "/api/security/entity_store";
    }

    private static String install(String space) {
        Answer installed = client().post(base(space) + "/install", "{\"entityTypes\":[\"host\"]}");
        assertThat(installed.status()).as(installed.body()).isEqualTo(201);
        return base(space);
    }

    private static JsonNode snapshotStatus(String space) {
        return client().get(base(space) + "/status").json().path("historySnapshot");
    }

    private static void ok(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"ok\":true}");
    }

    private static void createHost(String base, String name) {
        Answer created = client().post(base + "/entities/host", "{\"host\":{\"name\":\"" + name + "\"}}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
    }

    @Test
    void bothRoutesAnswerKibanasNotInstalled404() {
        assertError(client().put(base("snap-none") + "/history_snapshot/enable", ""), 404, "Not Found",
                "Entity store is not installed");
        assertError(client().put(base("snap-none") + "/history_snapshot/disable", "{}"), 404, "Not Found",
                "Entity store is not installed");
        assertThat(client().get(base("snap-none") + "/status").json().has("historySnapshot")).isFalse();
    }

    @Test
    void installStartsSnapshotsWithItsFrequencyAndNoneTakenYet() {
        Answer installed = client().post(base("snap-install") + "/install", "{\"historySnapshot\":{\"frequency\":\"12h\"}}");
        assertThat(installed.status()).as(installed.body()).isEqualTo(201);
        assertThat(snapshotStatus("snap-install").toString()).isEqualTo("{\"status\":\"started\",\"frequency\":\"12h\"}");
    }

    @Test
    void enableTakesASnapshotNowWhoseTimeReadsTheStoreAsItWas() throws Exception {
        String base = install("snap-enable");
        createHost(base, "web-01");
        createHost(base, "web-02");
        Instant before = Instant.now();
        ok(client().put(base + "/history_snapshot/enable", ""));
        JsonNode status = snapshotStatus("snap-enable");
        assertThat(status.path("status").asText()).isEqualTo("started");
        JsonNode last = status.path("lastSnapshot");
        assertThat(last.path("docCount").asLong()).isEqualTo(2);
        Instant taken = Instant.parse(last.path("@timestamp").asText());
        assertThat(taken).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));

        Thread.sleep(20);
        Answer changed = client().put(base + "/entities/host?force=true", "{\"entity\":{\"id\":\"host:web-01\"},\"host\":{\"ip\":[\"10.0.0.1\"]}}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        JsonNode atSnapshot = client().get(base + "/entities/host/host:web-01?as_of=" + last.path("@timestamp").asText()).json();
        assertThat(atSnapshot.path("host").has("ip")).as(atSnapshot.toString()).isFalse();
        assertThat(client().get(base + "/entities/host/host:web-01").json().path("host").path("ip").toString())
                .isEqualTo("[\"10.0.0.1\"]");
    }

    @Test
    void disableStopsKeepsSnapshotsUnlessClearedAndEnableStartsAgain() {
        String base = install("snap-toggle");
        ok(client().put(base + "/history_snapshot/enable", ""));
        JsonNode first = snapshotStatus("snap-toggle").path("lastSnapshot");

        ok(client().put(base + "/history_snapshot/disable", "{}"));
        assertThat(snapshotStatus("snap-toggle").path("status").asText()).isEqualTo("stopped");
        assertThat(snapshotStatus("snap-toggle").path("lastSnapshot")).isEqualTo(first);

        ok(client().put(base + "/history_snapshot/enable", ""));
        assertThat(snapshotStatus("snap-toggle").path("status").asText()).isEqualTo("started");
        ok(client().put(base + "/history_snapshot/disable", "{\"clearHistorySnapshots\":true}"));
        JsonNode cleared = snapshotStatus("snap-toggle");
        assertThat(cleared.toString()).isEqualTo("{\"status\":\"stopped\",\"frequency\":\"24h\"}");
    }

    @Test
    void disablingWhenAlreadyStoppedClearsNothing() {
        String base = install("snap-stopped");
        ok(client().put(base + "/history_snapshot/enable", ""));
        ok(client().put(base + "/history_snapshot/disable", ""));
        ok(client().put(base + "/history_snapshot/disable", "{\"clearHistorySnapshots\":true}"));
        JsonNode status = snapshotStatus("snap-stopped");
        assertThat(status.path("status").asText()).isEqualTo("stopped");
        assertThat(status.has("lastSnapshot")).isTrue();
    }

    @Test
    void disableTakesAStrictBodyAndBadInputChangesNothing() {
        String base = install("snap-strict");
        Answer unknown = client().put(base + "/history_snapshot/disable", "{\"clearHistorySnapshots\":true,\"now\":1}");
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.json().path("message").asText()).startsWith("[request body]");
        Answer wrongType = client().put(base + "/history_snapshot/disable", "{\"clearHistorySnapshots\":\"yes\"}");
        assertThat(wrongType.status()).as(wrongType.body()).isEqualTo(400);
        assertThat(snapshotStatus("snap-strict").path("status").asText()).isEqualTo("started");
    }

    @Test
    void stateAndSnapshotsSurviveARestart() {
        String base = install("snap-restart");
        createHost(base, "db-01");
        ok(client().put(base + "/history_snapshot/enable", ""));
        ok(client().put(base + "/history_snapshot/disable", ""));
        JsonNode before = snapshotStatus("snap-restart");
        server.stop();
        server.start();
        assertThat(snapshotStatus("snap-restart")).isEqualTo(before);
        assertThat(before.path("lastSnapshot").path("docCount").asLong()).isEqualTo(1);
    }

    @Test
    void uninstallForgetsTheSpacesSnapshots() {
        String base = install("snap-uninstall");
        ok(client().put(base + "/history_snapshot/enable", ""));
        ok(client().post(base + "/uninstall", "{}"));
        install("snap-uninstall");
        assertThat(snapshotStatus("snap-uninstall").toString()).isEqualTo("{\"status\":\"started\",\"frequency\":\"24h\"}");
    }

    private static String internal(String space) {
        return "/s/" + space + "/internal/security/entity_store";
    }

    @Test
    void forceTakesASnapshotNowWithKibanasBodyAndSkipsWhenStopped() {
        String base = install("snap-force");
        createHost(base, "web-01");
        Instant before = Instant.now();
        Answer forced = client().post(internal("snap-force") + "/force_history_snapshot", "");
        assertThat(forced.status()).as(forced.body()).isEqualTo(200);
        JsonNode body = forced.json();
        assertThat(body.path("ok").asBoolean()).isTrue();
        assertThat(body.path("docCount").asLong()).isEqualTo(1);
        assertThat(body.path("resetCount").asLong()).isZero();
        Instant taken = Instant.parse(body.path("@timestamp").asText());
        assertThat(taken).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
        assertThat(body.path("historySnapshotIndex").asText()).isEqualTo(".entities.v2.history.security_snap-force."
                + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd-HH").withZone(java.time.ZoneOffset.UTC).format(taken));
        assertThat(snapshotStatus("snap-force").path("lastSnapshot").toString())
                .isEqualTo("{\"@timestamp\":\"" + body.path("@timestamp").asText() + "\",\"docCount\":1}");

        ok(client().put(base + "/history_snapshot/disable", ""));
        Answer skipped = client().post(internal("snap-force") + "/force_history_snapshot", "");
        assertThat(skipped.status()).as(skipped.body()).isEqualTo(200);
        assertThat(skipped.body()).isEqualTo("{\"ok\":true,\"skipped\":true}");
        assertThat(snapshotStatus("snap-force").path("lastSnapshot").path("@timestamp").asText())
                .isEqualTo(body.path("@timestamp").asText());
        assertError(client().post(internal("snap-force-none") + "/force_history_snapshot", ""), 404, "Not Found",
                "Entity store is not installed");
    }

    @Test
    void theCadenceSwitchesBetweenAMidnightScheduleAndAnIntervalAndSurvivesARestart() {
        install("snap-cadence");
        String cadence = internal("snap-cadence") + "/update_history_snapshot_cadence";
        ok(client().put(cadence, "{\"timezone\":\"Europe/Berlin\"}"));
        assertThat(snapshotStatus("snap-cadence").toString())
                .isEqualTo("{\"status\":\"started\",\"frequency\":\"24h\",\"timezone\":\"Europe/Berlin\"}");
        server.stop();
        server.start();
        assertThat(snapshotStatus("snap-cadence").path("timezone").asText()).isEqualTo("Europe/Berlin");
        ok(client().put(cadence, "{\"frequency\":\"6h\"}"));
        assertThat(snapshotStatus("snap-cadence").toString()).isEqualTo("{\"status\":\"started\",\"frequency\":\"6h\"}");
    }

    @Test
    void aBadCadenceIs400AndChangesNothing() {
        install("snap-cadence-bad");
        String cadence = internal("snap-cadence-bad") + "/update_history_snapshot_cadence";
        assertError(client().put(cadence, "{\"frequency\":\"30m\"}"), 400, "Bad Request",
                "[request body]: frequency: must be a valid duration between 1 hour and 1000 days (e.g. 1h, 24h, 30d)");
        assertError(client().put(cadence, "{\"timezone\":\"Mars/Olympus\"}"), 400, "Bad Request",
                "[request body]: timezone: must be a valid IANA time zone (e.g. Europe/Berlin, UTC), got 'Mars/Olympus'");
        assertError(client().put(cadence, "{}"), 400, "Bad Request",
                "[request body]: Provide a timezone to switch to a midnight schedule, or a frequency to switch to a fixed interval");
        Answer unknown = client().put(cadence, "{\"frequency\":\"2h\",\"rrule\":\"x\"}");
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.json().path("message").asText()).startsWith("[request body]");
        assertThat(snapshotStatus("snap-cadence-bad").toString()).isEqualTo("{\"status\":\"started\",\"frequency\":\"24h\"}");
        assertError(client().put(internal("snap-cadence-none") + "/update_history_snapshot_cadence", "{\"frequency\":\"2h\"}"),
                404, "Not Found", "Entity store is not installed");
    }
}
