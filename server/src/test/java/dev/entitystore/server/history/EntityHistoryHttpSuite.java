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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every write leaves a change record, read back through {@code GET .../entities/{type}/{id}/history} and
 * {@code ?as_of=}: the order, the field-level before/after, actor and route of each write path, paging and
 * filters, deletes that keep history, and persistence across a restart.
 */
abstract class EntityHistoryHttpSuite {
    @RegisterExtension
    static RunningServer server = new RunningServer();

    static final String V2 = "/api/security/entity_store";
    static final String V1 = "/api/entity_store";
    static final List<String> LEVELS = List.of("low_impact", "medium_impact", "high_impact", "extreme_impact");

    @BeforeAll
    static void install() {
        Answer answer = client().post(V2 + "/install", "{}");
        assertThat(answer.status()).as(answer.body()).isIn(200, 201);
        Answer enabled = client().post(V1 + "/enable", "{}");
        assertThat(enabled.status()).as(enabled.body()).isEqualTo(200);
    }

    static HttpClientForTests client() {
        return server.client();
    }

    static String encoded(String euid) {
        return URLEncoder.encode(euid, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static Answer history(String type, String euid, String query) {
        return client().get(V2 + "/entities/" + type + "/" + encoded(euid) + "/history" + query);
    }

    static JsonNode historyOk(String type, String euid, String query) {
        Answer answer = history(type, euid, query);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    static void ok(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    static void createHost(String name, String ip) {
        ok(client().post(V2 + "/entities/host", "{\"host\":{\"name\":\"" + name + "\",\"ip\":[\"" + ip + "\"]}}"));
    }

    static void updateHost(String name, String body) {
        ok(client().put(V2 + "/entities/host?force=true", "{\"entity\":{\"id\":\"host:" + name + "\"}," + body + "}"));
    }

    static Answer deleteEntity(String euid) {
        return client().request("DELETE", V2 + "/entities/").json("{\"entityId\":\"" + euid + "\"}").send();
    }

    static Answer asOf(String type, String euid, String time) {
        return client().get(V2 + "/entities/" + type + "/" + encoded(euid) + "?as_of=" + URLEncoder.encode(time, StandardCharsets.UTF_8));
    }

    @Test
    void createThenUpdateAreTwoChangesNewestFirstWithTheirFieldsBeforeAndAfter() {
        createHost("hist-01", "10.0.0.1");
        updateHost("hist-01", "\"host\":{\"ip\":[\"10.0.0.2\"]}");

        JsonNode changes = historyOk("host", "host:hist-01", "").path("changes");
        assertThat(changes).hasSize(2);
        JsonNode update = changes.get(0);
        JsonNode create = changes.get(1);
        assertThat(update.path("op").asText()).isEqualTo("update");
        assertThat(update.path("version").asLong()).isEqualTo(2);
        assertThat(update.path("seq").asLong()).isGreaterThan(create.path("seq").asLong());
        assertThat(update.path("route").asText()).isEqualTo("PUT /api/security/entity_store/entities/{entityType}");
        assertThat(update.path("actor").path("type").asText()).isEqualTo("anonymous");
        assertThat(update.path("space").asText()).isEqualTo("default");
        assertThat(update.path("entityType").asText()).isEqualTo("host");
        assertThat(update.path("entityId").asText()).isEqualTo("host:hist-01");
        assertThat(update.at("/fields/host.ip/before").toString()).isEqualTo("[\"10.0.0.1\"]");
        assertThat(update.at("/fields/host.ip/after").toString()).isEqualTo("[\"10.0.0.2\"]");
        assertThat(update.path("fields").has("host.name")).as("unchanged paths are not listed").isFalse();

        assertThat(create.path("op").asText()).isEqualTo("create");
        assertThat(create.path("version").asLong()).isEqualTo(1);
        assertThat(create.path("route").asText()).isEqualTo("POST /api/security/entity_store/entities/{entityType}");
        assertThat(create.at("/fields/host.name").has("before")).isFalse();
        assertThat(create.at("/fields/host.name/after").asText()).isEqualTo("hist-01");
        assertThat(historyOk("host", "host:hist-01", "").path("nextSearchAfter").isNull()).isTrue();
    }

    @Test
    void pagesWithSizeAndSearchAfterSeeEveryChangeOnce() {
        createHost("hist-paged", "10.0.1.0");
        for (int i = 1; i <= 4; i++) {
            updateHost("hist-paged", "\"host\":{\"ip\":[\"10.0.1." + i + "\"]}");
        }
        List<Long> versions = new ArrayList<>();
        Set<Long> seqs = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = historyOk("host", "host:hist-paged", "?size=2" + (cursor == null ? "" : "&searchAfter=" + cursor));
            page.path("changes").forEach(change -> {
                versions.add(change.path("version").asLong());
                seqs.add(change.path("seq").asLong());
            });
            cursor = page.path("nextSearchAfter").isNull() ? null : page.path("nextSearchAfter").asText();
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(versions).containsExactly(5L, 4L, 3L, 2L, 1L);
        assertThat(seqs).hasSize(5);
    }

    @Test
    void fieldsFromAndToFilterTheChanges() throws InterruptedException {
        createHost("hist-filter", "10.0.2.1");
        updateHost("hist-filter", "\"asset\":{\"criticality\":\"high_impact\"}");
        updateHost("hist-filter", "\"host\":{\"ip\":[\"10.0.2.2\"]}");

        JsonNode ipChanges = historyOk("host", "host:hist-filter", "?fields=host.ip").path("changes");
        assertThat(ipChanges).extracting(c -> c.path("version").asLong()).containsExactly(3L, 1L);
        JsonNode underHost = historyOk("host", "host:hist-filter", "?fields=asset,entity.name").path("changes");
        assertThat(underHost).extracting(c -> c.path("version").asLong()).containsExactly(2L, 1L);

        JsonNode all = historyOk("host", "host:hist-filter", "").path("changes");
        String secondAt = all.get(1).path("@timestamp").asText();
        JsonNode fromSecond = historyOk("host", "host:hist-filter", "?from=" + secondAt).path("changes");
        assertThat(fromSecond).extracting(c -> c.path("version").asLong()).contains(3L, 2L).doesNotContain(1L)
                .as("the first change may share the second's millisecond only if it is not earlier");
        JsonNode toFirst = historyOk("host", "host:hist-filter", "?to=" + all.get(2).path("@timestamp").asText()).path("changes");
        assertThat(toFirst).extracting(c -> c.path("version").asLong()).contains(1L);
        assertThat(historyOk("host", "host:hist-filter", "?to=2000-01-01T00:00:00Z").path("changes")).isEmpty();
    }

    @Test
    void aDeletedEntityKeepsItsHistoryAndANeverSeenOneIs404() {
        createHost("hist-deleted", "10.0.3.1");
        ok(deleteEntity("host:hist-deleted"));
        assertThat(client().get(V2 + "/entities/host/host%3Ahist-deleted").status()).isEqualTo(404);

        JsonNode changes = historyOk("host", "host:hist-deleted", "").path("changes");
        assertThat(changes).extracting(c -> c.path("op").asText()).containsExactly("delete", "create");
        JsonNode delete = changes.get(0);
        assertThat(delete.path("version").asLong()).isEqualTo(2);
        assertThat(delete.path("route").asText()).isEqualTo("DELETE /api/security/entity_store/entities");
        assertThat(delete.at("/fields/host.ip/before").toString()).isEqualTo("[\"10.0.3.1\"]");
        assertThat(delete.at("/fields/host.ip").has("after")).isFalse();

        assertError(history("host", "host:never-seen", ""), 404, "Not Found", "Entity ID 'host:never-seen' not found");
        assertError(history("user", "host:hist-deleted", ""), 404, "Not Found", "Entity ID 'host:hist-deleted' not found");
    }

    @Test
    void asOfAnswersTheRecordAsItWasThen() {
        createHost("hist-asof", "10.0.4.1");
        updateHost("hist-asof", "\"host\":{\"ip\":[\"10.0.4.2\"]}");
        JsonNode changes = historyOk("host", "host:hist-asof", "").path("changes");
        String createdAt = changes.get(1).path("@timestamp").asText();
        String updatedAt = changes.get(0).path("@timestamp").asText();

        Answer then = asOf("host", "host:hist-asof", updatedAt);
        assertThat(then.status()).as(then.body()).isEqualTo(200);
        JsonNode now = client().get(V2 + "/entities/host/host%3Ahist-asof").json();
        assertThat(then.json()).isEqualTo(now);
        if (!createdAt.equals(updatedAt)) {
            JsonNode first = asOf("host", "host:hist-asof", createdAt).json();
            assertThat(first.at("/host/ip").toString()).isEqualTo("[\"10.0.4.1\"]");
            assertThat(first.at("/host/name").asText()).isEqualTo("hist-asof");
        }
        assertError(asOf("host", "host:hist-asof", "2000-01-01T00:00:00.000Z"), 404, "Not Found",
                "Entity ID 'host:hist-asof' not found");
        ok(deleteEntity("host:hist-asof"));
        String deletedAt = historyOk("host", "host:hist-asof", "?size=1").at("/changes/0/@timestamp").asText();
        assertError(asOf("host", "host:hist-asof", deletedAt), 404, "Not Found", "Entity ID 'host:hist-asof' not found");
        Answer beforeDelete = asOf("host", "host:hist-asof", updatedAt);
        if (!updatedAt.equals(deletedAt)) {
            assertThat(beforeDelete.status()).as(beforeDelete.body()).isEqualTo(200);
            assertThat(beforeDelete.json()).isEqualTo(now);
        }
    }

    /**
     * Each version read back by {@code as_of} at its change's time, whether rebuilt forward from the create or
     * back from now (the nearer): versions early in a run of 13 are the create's side, later ones now's side,
     * and a delete and re-create starts a second run.
     */
    @Test
    void asOfEveryVersionIsTheRecordAsWrittenFromWhicheverEndIsNearer() throws InterruptedException {
        String euid = "host:hist-asof-all";
        Map<String, JsonNode> written = new LinkedHashMap<>();
        for (int run = 0; run < 2; run++) {
            createHost("hist-asof-all", "10.1." + run + ".0");
            written.put(newestTime(euid), record(euid));
            for (int v = 1; v <= 12; v++) {
                Thread.sleep(2); // one change per millisecond, so each time names one version
                updateHost("hist-asof-all", v % 3 == 0 ? "\"asset\":{\"criticality\":\"" + LEVELS.get(v % 4) + "\"}"
                        : "\"host\":{\"ip\":[\"10.1." + run + "." + v + "\"]}");
                written.put(newestTime(euid), record(euid));
            }
            if (run == 0) {
                Thread.sleep(2);
                ok(deleteEntity(euid));
                Thread.sleep(2);
            }
        }
        assertThat(written).hasSize(26);
        written.forEach((time, record) -> {
            Answer then = asOf("host", euid, time);
            assertThat(then.status()).as(time + ": " + then.body()).isEqualTo(200);
            assertThat(then.json()).as(time).isEqualTo(record);
        });
    }

    private static String newestTime(String euid) {
        return historyOk("host", euid, "?size=1").at("/changes/0/@timestamp").asText();
    }

    private static JsonNode record(String euid) {
        Answer answer = client().get(V2 + "/entities/host/" + encoded(euid));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    @Test
    void v2BulkAndEveryV1WriteAreRecordedWithTheirRoutes() {
        createHost("hist-bulk", "10.0.5.1");
        ok(client().put(V2 + "/entities/bulk?force=true",
                "{\"entities\":[{\"type\":\"host\",\"doc\":{\"entity\":{\"id\":\"host:hist-bulk\"},\"host\":{\"ip\":[\"10.0.5.2\"]}}}]}"));
        ok(client().put(V1 + "/entities/host", "{\"entity\":{\"id\":\"host:hist-bulk\",\"attributes\":{\"managed\":true}}}"));
        ok(client().put(V1 + "/entities/bulk",
                "{\"entities\":[{\"type\":\"host\",\"record\":{\"entity\":{\"id\":\"host:hist-bulk\",\"attributes\":{\"managed\":false}}}}]}"));
        ok(client().request("DELETE", V1 + "/entities/host").json("{\"id\":\"host:hist-bulk\"}").send());

        JsonNode changes = historyOk("host", "host:hist-bulk", "").path("changes");
        assertThat(changes).extracting(c -> c.path("route").asText()).containsExactly(
                "DELETE /api/entity_store/entities/{entityType}",
                "PUT /api/entity_store/entities/bulk",
                "PUT /api/entity_store/entities/{entityType}",
                "PUT /api/security/entity_store/entities/bulk",
                "POST /api/security/entity_store/entities/{entityType}");
        assertThat(changes).extracting(c -> c.path("version").asLong()).containsExactly(5L, 4L, 3L, 2L, 1L);
        assertThat(changes.get(2).at("/fields/entity.attributes.managed/after").asBoolean()).isTrue();
        assertThat(changes.get(1).at("/fields/entity.attributes.managed/before").asBoolean()).isTrue();
    }

    @Test
    void anEngineDeletedWithItsDataRecordsEachDelete() {
        String space = "/s/hist-engine";
        ok(client().post(space + V1 + "/enable", "{\"entityTypes\":[\"host\"]}"));
        ok(client().put(space + V1 + "/entities/host", "{\"entity\":{\"id\":\"host:hist-engine\",\"attributes\":{\"managed\":true}}}"));
        ok(client().request("DELETE", space + V1 + "/engines/host?delete_data=true").send());

        Answer answer = client().get(space + V2 + "/entities/host/host%3Ahist-engine/history");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode changes = answer.json().path("changes");
        assertThat(changes).extracting(c -> c.path("op").asText()).containsExactly("delete", "create");
        assertThat(changes.get(0).path("space").asText()).isEqualTo("hist-engine");
        assertThat(changes.get(0).path("route").asText()).isEqualTo("DELETE /api/entity_store/engines/{entityType}");
    }

    @Test
    void badParametersAre400AndChangeNothing() {
        createHost("hist-bad", "10.0.6.1");
        assertThat(history("host", "host:hist-bad", "?size=0").status()).isEqualTo(400);
        assertThat(history("host", "host:hist-bad", "?size=1001").status()).isEqualTo(400);
        assertError(history("host", "host:hist-bad", "?searchAfter=abc"), 400, "Bad Request",
                "[request query]: searchAfter: expected the nextSearchAfter of a previous page, got 'abc'");
        assertError(history("host", "host:hist-bad", "?from=yesterday"), 400, "Bad Request",
                "[request query]: from: expected an ISO-8601 date-time, got 'yesterday'");
        assertError(asOf("host", "host:hist-bad", "now"), 400, "Bad Request",
                "[request query]: as_of: expected an ISO-8601 date-time, got 'now'");
        assertThat(history("host", "host:hist-bad", "?unknown=1").status()).isEqualTo(400);
        assertThat(historyOk("host", "host:hist-bad", "").path("changes")).hasSize(1);
    }

    @Test
    void historySurvivesARestart() {
        createHost("hist-restart", "10.0.7.1");
        updateHost("hist-restart", "\"host\":{\"ip\":[\"10.0.7.2\"]}");
        JsonNode before = historyOk("host", "host:hist-restart", "");
        server.stop();
        server.start();
        assertThat(historyOk("host", "host:hist-restart", "")).isEqualTo(before);
        updateHost("hist-restart", "\"host\":{\"ip\":[\"10.0.7.3\"]}");
        JsonNode after = historyOk("host", "host:hist-restart", "").path("changes");
        assertThat(after).extracting(c -> c.path("version").asLong()).containsExactly(3L, 2L, 1L);
        assertThat(after.get(0).path("seq").asLong()).isGreaterThan(after.get(1).path("seq").asLong());
    }
}
