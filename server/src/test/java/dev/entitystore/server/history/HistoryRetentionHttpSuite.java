package dev.entitystore.server.history;

import static dev.entitystore.server.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entitystore.server.HttpClientForTests;
import dev.entitystore.server.HttpClientForTests.Answer;
import dev.entitystore.server.RunningServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * History retention through HTTP: configured by {@code history} of {@code PUT /api/security/entity_store},
 * validated, reported by status, applied by the on-demand prune; the history route and {@code as_of} on what
 * is left, the change feed's 410 for a cursor before a pruned change; Kibana's update body unchanged.
 */
abstract class HistoryRetentionHttpSuite {
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

    private static JsonNode status(String space) {
        return client().get(base(space) + "/status").json();
    }

    private static void ok(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    /** Creates the host and updates it until it is at {@code versions}; answers each version's time. */
    private static List<String> writeVersions(String base, String name, int versions) throws InterruptedException {
        ok(client().post(base + "/entities/host", "{\"host\":{\"name\":\"" + name + "\"}}"));
        for (int v = 2; v <= versions; v++) {
            Thread.sleep(3);
            ok(client().put(base + "/entities/host?force=true",
                    "{\"entity\":{\"id\":\"host:" + name + "\"},\"host\":{\"ip\":[\"10.0.0." + v + "\"]}}"));
        }
        List<String> times = new ArrayList<>();
        for (JsonNode change : history(base, name).path("changes")) {
            times.add(0, change.path("@timestamp").asText());
        }
        return times;
    }

    private static JsonNode history(String base, String name) {
        return client().get(base + "/entities/host/host%3A" + name + "/history?size=100").json();
    }

    private static List<Long> versions(String base, String name) {
        List<Long> versions = new ArrayList<>();
        history(base, name).path("changes").forEach(change -> versions.add(change.path("version").asLong()));
        return versions;
    }

    @Test
    void retentionIsSetReportedAndClearedThroughTheConfigUpdate() {
        String base = install("ret-config");
        ok(client().put(base, "{\"history\":{\"retentionDays\":30,\"maxVersionsPerEntity\":5}}"));
        JsonNode status = status("ret-config");
        assertThat(status.path("history").toString()).isEqualTo("{\"retentionDays\":30,\"maxVersionsPerEntity\":5}");
        assertThat(status.path("historySnapshot").path("retentionDays").asInt()).isEqualTo(30);

        ok(client().put(base, "{\"history\":{\"maxVersionsPerEntity\":null}}"));
        assertThat(status("ret-config").path("history").toString()).isEqualTo("{\"retentionDays\":30}");
        ok(client().put(base, "{\"logExtraction\":{\"frequency\":\"2m\"},\"history\":{\"retentionDays\":null}}"));
        status = status("ret-config");
        assertThat(status.has("history")).isFalse();
        assertThat(status.path("historySnapshot").has("retentionDays")).isFalse();
        assertThat(status.path("engines").path(0).path("frequency").asText()).isEqualTo("2m");
    }

    @Test
    void badRetentionIs400AndChangesNothing() {
        String base = install("ret-bad");
        ok(client().put(base, "{\"history\":{\"retentionDays\":7}}"));
        for (String body : List.of("{\"history\":{\"retentionDays\":0}}", "{\"history\":{\"retentionDays\":36501}}",
                "{\"history\":{\"maxVersionsPerEntity\":0}}", "{\"history\":{\"retentionDays\":\"30d\"}}",
                "{\"history\":{\"keep\":1}}", "{\"history\":{\"retentionDays\":7},\"logExtraction\":{\"frequency\":\"1s\"}}")) {
            Answer answer = client().put(base, body);
            assertThat(answer.status()).as(body + " -> " + answer.body()).isEqualTo(400);
            assertThat(answer.json().path("message").asText()).as(body).startsWith("[request body]");
        }
        assertThat(status("ret-bad").path("history").toString()).isEqualTo("{\"retentionDays\":7}");
    }

    @Test
    void kibanasUpdateBodyIsUnchanged() {
        String base = install("ret-kibana");
        assertError(client().put(base, "{}"), 400, "Bad Request", "[request body]: logExtraction: Required");
        assertError(client().put(base("ret-none"), "{\"history\":{\"retentionDays\":7}}"), 404, "Not Found",
                "Entity store is not installed");
        assertError(client().post(base("ret-none") + "/history/_prune", ""), 404, "Not Found",
                "Entity store is not installed");
    }

    @Test
    void pruningKeepsTheNewestVersionsAndAsOfAnswersWithinThem() throws Exception {
        String base = install("ret-versions");
        List<String> times = writeVersions(base, "web-01", 5);
        writeVersions(base, "web-02", 1);
        Answer none = client().post(base + "/history/_prune", "");
        assertThat(none.body()).isEqualTo("{\"ok\":true,\"pruned\":0}");

        ok(client().put(base, "{\"history\":{\"maxVersionsPerEntity\":2}}"));
        Answer pruned = client().post(base + "/history/_prune", "");
        assertThat(pruned.status()).as(pruned.body()).isEqualTo(200);
        assertThat(pruned.body()).isEqualTo("{\"ok\":true,\"pruned\":3}");
        assertThat(versions(base, "web-01")).containsExactly(5L, 4L);
        assertThat(versions(base, "web-02")).containsExactly(1L);

        JsonNode atFour = client().get(base + "/entities/host/host%3Aweb-01?as_of=" + encoded(times.get(3))).json();
        assertThat(atFour.path("host").path("ip").toString()).isEqualTo("[\"10.0.0.4\"]");
        assertError(client().get(base + "/entities/host/host%3Aweb-01?as_of=" + encoded(times.get(1))), 404, "Not Found",
                "Entity ID 'host:web-01' not found");
        assertThat(client().get(base + "/entities/host/host%3Aweb-01").json().path("host").path("ip").toString())
                .isEqualTo("[\"10.0.0.5\"]");
    }

    /** The oldest kept version is nearer the pruned create than now: it is rebuilt from now all the same. */
    @Test
    void asOfNearerAPrunedCreateIsRebuiltFromNow() throws Exception {
        String base = install("ret-create");
        List<String> times = writeVersions(base, "web-03", 9);
        ok(client().put(base, "{\"history\":{\"maxVersionsPerEntity\":7}}"));
        assertThat(client().post(base + "/history/_prune", "").body()).isEqualTo("{\"ok\":true,\"pruned\":2}");
        assertThat(versions(base, "web-03")).containsExactly(9L, 8L, 7L, 6L, 5L, 4L, 3L);

        JsonNode atThree = client().get(base + "/entities/host/host%3Aweb-03?as_of=" + encoded(times.get(2))).json();
        assertThat(atThree.path("host").path("ip").toString()).isEqualTo("[\"10.0.0.3\"]");
        assertThat(atThree.path("host").path("name").asText()).isEqualTo("web-03");
        assertError(client().get(base + "/entities/host/host%3Aweb-03?as_of=" + encoded(times.get(1))), 404, "Not Found",
                "Entity ID 'host:web-03' not found");
    }

    private static List<String> feedOps(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<String> ops = new ArrayList<>();
        answer.json().path("changes")
                .forEach(change -> ops.add(change.path("entityId").asText() + "@" + change.path("version").asLong()));
        return ops;
    }

    @Test
    void aFeedCursorBeforeAPrunedChangeIs410NamingTheOldestCursorThatMissesNothing() throws Exception {
        String base = install("ret-feed");
        writeVersions(base, "db-01", 3);
        writeVersions(base, "db-02", 2);
        JsonNode all = client().get(base + "/changes?size=100").json();
        String oldest = all.path("changes").path(0).path("seq").asText();
        String db02First = all.path("changes").path(3).path("seq").asText();
        assertThat(all.path("changes").path(3).path("entityId").asText() + "@" + all.path("changes").path(3).path("version"))
                .isEqualTo("host:db-02@1");
        ok(client().put(base, "{\"history\":{\"maxVersionsPerEntity\":2}}"));
        assertThat(client().post(base + "/history/_prune", "").body()).isEqualTo("{\"ok\":true,\"pruned\":1}");
        assertThat(feedOps(client().get(base + "/changes?since=" + oldest))).as("from the mark of the first prune")
                .containsExactly("host:db-01@2", "host:db-01@3", "host:db-02@1", "host:db-02@2");
        ok(client().put(base, "{\"history\":{\"maxVersionsPerEntity\":1}}"));
        assertThat(client().post(base + "/history/_prune", "").body()).isEqualTo("{\"ok\":true,\"pruned\":2}");

        Answer fromOldest = client().get(base + "/changes?since=" + oldest);
        assertError(fromOldest, 410, "Gone", "Change feed cursor '" + oldest + "' is older than the history retention kept:"
                + " changes through cursor '" + db02First + "' were pruned. Read the current records, then follow the feed"
                + " from cursor '" + db02First + "'");
        assertThat(fromOldest.json().path("attributes").toString())
                .isEqualTo("{\"cursor\":\"" + oldest + "\",\"oldestCursor\":\"" + db02First + "\"}");
        Answer fromStart = client().get(base + "/changes?wait=5");
        assertThat(fromStart.status()).isEqualTo(410);
        assertThat(fromStart.json().path("message").asText()).startsWith("The change feed's start is older");
        assertThat(fromStart.json().path("attributes").toString()).isEqualTo("{\"oldestCursor\":\"" + db02First + "\"}");
        Answer stream = client().request("GET", base + "/changes").header("Accept", "text/event-stream")
                .header("Last-Event-ID", oldest).send();
        assertThat(stream.status()).as(stream.body()).isEqualTo(410);
        assertThat(stream.json().path("attributes").path("oldestCursor").asText()).isEqualTo(db02First);

        assertThat(feedOps(client().get(base + "/changes?since=" + db02First))).containsExactly("host:db-02@2");
        ok(client().put(base + "/entities/host?force=true", "{\"entity\":{\"id\":\"host:db-01\"},\"host\":{\"ip\":[\"10.9.9.9\"]}}"));
        assertThat(feedOps(client().get(base + "/changes?since=" + db02First))).containsExactly("host:db-02@2", "host:db-01@4");
        assertThat(feedOps(client().get(install("ret-feed-other") + "/changes"))).as("another space never pruned").isEmpty();
    }

    @Test
    void aSpaceThatNeverRemovedAChangeFollowsFromTheStart() throws Exception {
        String base = install("ret-feed-none");
        writeVersions(base, "db-01", 2);
        ok(client().put(base, "{\"history\":{\"maxVersionsPerEntity\":5,\"retentionDays\":30}}"));
        assertThat(client().post(base + "/history/_prune", "").body()).isEqualTo("{\"ok\":true,\"pruned\":0}");
        assertThat(feedOps(client().get(base + "/changes"))).containsExactly("host:db-01@1", "host:db-01@2");
    }

    @Test
    void retentionAndPrunedHistorySurviveARestart() throws Exception {
        String base = install("ret-restart");
        writeVersions(base, "app-01", 3);
        ok(client().put(base, "{\"history\":{\"retentionDays\":90,\"maxVersionsPerEntity\":2}}"));
        ok(client().post(base + "/history/_prune", ""));
        server.stop();
        server.start();
        assertThat(status("ret-restart").path("history").toString()).isEqualTo("{\"retentionDays\":90,\"maxVersionsPerEntity\":2}");
        assertThat(versions(base, "app-01")).containsExactly(3L, 2L);
        assertThat(client().get(base + "/changes").status()).as("the pruned mark survives too").isEqualTo(410);
    }

    private static String encoded(String time) {
        return URLEncoder.encode(time, StandardCharsets.UTF_8);
    }
}
