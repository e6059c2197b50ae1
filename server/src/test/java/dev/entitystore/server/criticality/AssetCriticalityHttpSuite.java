package dev.entitystore.server.criticality;

import static dev.entitystore.server.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entitystore.server.HttpClientForTests;
import dev.entitystore.server.HttpClientForTests.Answer;
import dev.entitystore.server.RunningServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Kibana's Asset Criticality API over the entity records (related APIs §D): the upstream scenarios of
 * {@code asset_criticality.ts} by name, and the one-store promises: a write is the entity's
 * {@code asset.criticality}, visible through the entity routes when answered, and the other way round.
 */
abstract class AssetCriticalityHttpSuite {
    @RegisterExtension
    static RunningServer server = new RunningServer();

    static final String SPACE = "ac";

    @BeforeAll
    static void install() {
        install(SPACE);
    }

    static void install(String space) {
        Answer answer = client().post(v2(space) + "/install", "{}");
        assertThat(answer.status()).as(answer.body()).isIn(200, 201);
    }

    static HttpClientForTests client() {
        return server.client();
    }

    static String v2(String space) {
        return "/s/" + space + "/api/security/entity_store";
    }

    static String ac(String space) {
        return "/s/" + space + "/api/asset_criticality";
    }

    static Answer upsert(String space, String idField, String idValue, String level) {
        return client().post(ac(space), "{\"id_field\":\"" + idField + "\",\"id_value\":\"" + idValue
                + "\",\"criticality_level\":\"" + level + "\"}");
    }

    static JsonNode upsertOk(String space, String idField, String idValue, String level) {
        Answer answer = upsert(space, idField, idValue, level);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    static Answer get(String space, String idField, String idValue) {
        return client().get(ac(space) + "?id_field=" + idField + "&id_value=" + idValue);
    }

    static JsonNode entity(String space, String type, String euid) {
        Answer answer = client().get(v2(space) + "/entities/" + type + "/" + euid);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    static Answer bulk(String space, String records) {
        return client().post(ac(space) + "/bulk", "{\"records\":[" + records + "]}");
    }

    static String record(String idField, String idValue, String level) {
        return "{\"id_field\":\"" + idField + "\",\"id_value\":\"" + idValue + "\",\"criticality_level\":\"" + level + "\"}";
    }

    // --- upstream scenarios (asset_criticality.ts) ---

    @Test
    void statusBeforeAnyWriteSaysTheResourcesAreInstalled() {
        Answer answer = client().get("/s/fresh/internal/asset_criticality/status");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("asset_criticality_resources_installed").asBoolean()).isTrue();
    }

    @Test
    void upsertAnswersTheRecordAndTheEntityCarriesIt() {
        Answer answer = upsert(SPACE, "host.name", "host-01", "high_impact");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode record = answer.json();
        assertThat(record.path("id_field").asText()).isEqualTo("host.name");
        assertThat(record.path("id_value").asText()).isEqualTo("host-01");
        assertThat(record.path("criticality_level").asText()).isEqualTo("high_impact");
        assertThat(record.at("/asset/criticality").asText()).isEqualTo("high_impact");
        assertThat(record.at("/host/name").asText()).isEqualTo("host-01");
        assertThat(record.at("/host/asset/criticality").asText()).isEqualTo("high_impact");
        assertThat(record.path("@timestamp").isTextual()).isTrue();
        assertThat(answer.header("Warning")).contains("deprecated");

        JsonNode stored = entity(SPACE, "host", "host:host-01");
        assertThat(stored.at("/asset/criticality").asText()).isEqualTo("high_impact");
        assertThat(stored.at("/entity/created_by").asText()).isEqualTo("asset_criticality");
        assertThat(stored.at("/entity/EngineMetadata/Type").asText()).isEqualTo("host");
        assertThat(stored.path("@timestamp").asText()).isEqualTo(record.path("@timestamp").asText());
    }

    @Test
    void upsertWithAnInvalidLevelOrIdFieldIs400AndWritesNothing() {
        assertThat(upsert(SPACE, "host.name", "bad-level", "invalid").status()).isEqualTo(400);
        assertThat(upsert(SPACE, "invalid", "bad-field", "low_impact").status()).isEqualTo(400);
        assertThat(upsert(SPACE, "host.name", "deleted-level", "deleted").status()).isEqualTo(400);
        assertThat(client().get(v2(SPACE) + "/entities/host/host:bad-level").status()).isEqualTo(404);
    }

    @Test
    void getAfterUpsertAnswersTheRecordAndAnInvalidIdFieldIs400() {
        JsonNode written = upsertOk(SPACE, "user.name", "alice", "medium_impact");
        Answer read = get(SPACE, "user.name", "alice");
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(written);
        assertThat(get(SPACE, "invalid", "alice").status()).isEqualTo(400);
        assertError(get(SPACE, "host.name", "never-seen"), 404, "Not Found", "Not Found");
        assertThat(entity(SPACE, "user", "user:alice@unknown").at("/asset/criticality").asText()).isEqualTo("medium_impact");
    }

    @Test
    void updatingTheSameEntityChangesTheLevelAndTheTimestamp() throws InterruptedException {
        JsonNode first = upsertOk(SPACE, "host.name", "host-02", "low_impact");
        Thread.sleep(5);
        JsonNode second = upsertOk(SPACE, "host.name", "host-02", "extreme_impact");
        assertThat(second.path("criticality_level").asText()).isEqualTo("extreme_impact");
        assertThat(second.path("@timestamp").asText()).isNotEqualTo(first.path("@timestamp").asText());
        assertThat(get(SPACE, "host.name", "host-02").json()).isEqualTo(second);
    }

    @Test
    void listPagesSortsAndFiltersWithKuery() throws InterruptedException {
        String space = "aclist";
        install(space);
        String[] levels = {"low_impact", "medium_impact", "high_impact", "extreme_impact"};
        List<String> records = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            records.add(record("host.name", "list-" + (100 + i), levels[i % 4]));
        }
        for (String one : records) {
            assertThat(bulk(space, one).status()).isEqualTo(200);
            Thread.sleep(2); // distinct @timestamps, so the order is the write order
        }
        JsonNode firstPage = client().get(ac(space) + "/list").json();
        assertThat(firstPage.path("total").asInt()).isEqualTo(40);
        assertThat(firstPage.path("page").asInt()).isEqualTo(1);
        assertThat(firstPage.path("per_page").asInt()).isEqualTo(10);
        assertThat(firstPage.path("records")).hasSize(10);
        assertThat(firstPage.at("/records/0/id_value").asText()).isEqualTo("list-100");
        assertThat(firstPage.at("/records/9/id_value").asText()).isEqualTo("list-109");

        JsonNode descending = client().get(ac(space) + "/list?sort_direction=desc").json();
        assertThat(descending.at("/records/0/id_value").asText()).isEqualTo("list-139");
        assertThat(client().get(ac(space) + "/list?per_page=1").json().path("records")).hasSize(1);
        assertThat(client().get(ac(space) + "/list?page=2").json().at("/records/0/id_value").asText()).isEqualTo("list-110");
        assertThat(client().get(ac(space) + "/list?kuery=criticality_level:low_impact%20OR%20criticality_level:medium_impact")
                .json().path("total").asInt()).isEqualTo(20);
        assertThat(client().get(ac(space) + "/list?kuery=id_field:host.name").json().path("total").asInt()).isEqualTo(40);
        assertThat(client().get(ac(space) + "/list?kuery=id_value:list-105").json().path("total").asInt()).isEqualTo(1);
        assertThat(client().get(ac(space) + "/list?page=0").status()).isEqualTo(400);
        assertThat(client().get(ac(space) + "/list?per_page=0").status()).isEqualTo(400);
        assertThat(client().get(ac(space) + "/list?per_page=10001").status()).isEqualTo(400);
    }

    @Test
    void bulkValidatesWholeThenWritesEachRecord() {
        assertThat(client().post(ac(SPACE) + "/bulk", "{\"records\":[]}").status()).isEqualTo(400);
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(record("host.name", "too-many-" + i, "low_impact"));
        }
        assertThat(bulk(SPACE, String.join(",", tooMany)).status()).isEqualTo(400);

        Answer one = bulk(SPACE, record("host.name", "bulk-one", "low_impact"));
        assertThat(one.status()).as(one.body()).isEqualTo(200);
        assertThat(one.json().path("errors")).isEmpty();
        assertThat(one.json().path("stats").toString()).isEqualTo("{\"successful\":1,\"failed\":0,\"total\":1}");
        assertThat(get(SPACE, "host.name", "bulk-one").json().path("criticality_level").asText()).isEqualTo("low_impact");

        List<String> fifty = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fifty.add(record("service.name", "svc-" + i, "high_impact"));
        }
        assertThat(bulk(SPACE, String.join(",", fifty)).json().at("/stats/successful").asInt()).isEqualTo(50);
        assertThat(entity(SPACE, "service", "service:svc-49").at("/asset/criticality").asText()).isEqualTo("high_impact");

        assertThat(bulk(SPACE, record("host.name", "mixed-1", "low_impact") + "," + record("host.name", "mixed-2", "nope"))
                .status()).isEqualTo(400);
        assertThat(client().get(v2(SPACE) + "/entities/host/host:mixed-1").status()).isEqualTo(404);
    }

    @Test
    void bulkReportsALaterDuplicateAndUnassignedRemovesTheLevel() {
        upsertOk(SPACE, "host.name", "dup-2", "high_impact");
        Answer answer = bulk(SPACE, record("host.name", "dup-1", "low_impact") + ","
                + record("host.name", "dup-1", "high_impact") + "," + record("host.name", "dup-2", "unassigned"));
        assertThat(answer.json().path("errors").toString()).isEqualTo("[{\"message\":\"Duplicated entity\",\"index\":1}]");
        assertThat(answer.json().path("stats").toString()).isEqualTo("{\"successful\":2,\"failed\":1,\"total\":3}");
        assertThat(get(SPACE, "host.name", "dup-1").json().path("criticality_level").asText()).isEqualTo("low_impact");
        assertThat(get(SPACE, "host.name", "dup-2").status()).isEqualTo(404);
        assertThat(entity(SPACE, "host", "host:dup-2").has("asset")).isFalse();
    }

    @Test
    void deleteRemovesTheLevelAndAnswersTheRecordBefore() {
        JsonNode written = upsertOk(SPACE, "host.name", "to-delete", "medium_impact");
        Answer deleted = client().request("DELETE", ac(SPACE) + "?id_field=host.name&id_value=to-delete").send();
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        assertThat(deleted.json().path("deleted").asBoolean()).isTrue();
        assertThat(deleted.json().path("record")).isEqualTo(written);
        assertThat(get(SPACE, "host.name", "to-delete").status()).isEqualTo(404);
        assertThat(entity(SPACE, "host", "host:to-delete").at("/entity/id").asText()).isEqualTo("host:to-delete");

        Answer again = client().request("DELETE", ac(SPACE) + "?id_field=host.name&id_value=to-delete").send();
        assertThat(again.json().toString()).isEqualTo("{\"deleted\":false}");
        Answer missing = client().request("DELETE", ac(SPACE) + "?id_field=host.name&id_value=never-was").send();
        assertThat(missing.json().toString()).isEqualTo("{\"deleted\":false}");
    }

    // --- one store ---

    @Test
    void anEntityUpdateWithForceIsVisibleHereAndALaterWriteMergesIntoTheCreatedEntity() {
        upsertOk(SPACE, "host.name", "shared-1", "low_impact");
        Answer update = client().put(v2(SPACE) + "/entities/host?force=true",
                "{\"host\":{\"name\":\"shared-1\",\"ip\":[\"10.0.0.1\"]},\"asset\":{\"criticality\":\"extreme_impact\"}}");
        assertThat(update.status()).as(update.body()).isEqualTo(200);
        assertThat(get(SPACE, "host.name", "shared-1").json().path("criticality_level").asText()).isEqualTo("extreme_impact");
        JsonNode stored = entity(SPACE, "host", "host:shared-1");
        assertThat(stored.at("/host/ip/0").asText()).isEqualTo("10.0.0.1");
        assertThat(stored.at("/entity/created_by").asText()).isEqualTo("asset_criticality");
    }

    @Test
    void entityIdAddressesTheEuidAndListsAsItsName() {
        upsertOk(SPACE, "entity.id", "host:by-euid", "low_impact");
        assertThat(entity(SPACE, "host", "host:by-euid").at("/entity/EngineMetadata/Type").asText()).isEqualTo("host");
        JsonNode record = get(SPACE, "entity.id", "host:by-euid").json();
        assertThat(record.at("/entity/id").asText()).isEqualTo("host:by-euid");
        upsertOk(SPACE, "entity.id", "generic-thing", "high_impact");
        assertThat(entity(SPACE, "generic", "generic-thing").at("/asset/criticality").asText()).isEqualTo("high_impact");
    }

    @Test
    void writesNeedTheStoreInstalled() {
        assertError(upsert("not-installed", "host.name", "h", "low_impact"), 400, "Bad Request",
                "Entity Store is not installed. Install it via POST /api/security/entity_store/install or from the "
                        + "Security Entity Store page, then retry.");
        assertThat(client().get(ac("not-installed") + "/list").json().path("total").asInt()).isZero();
    }

    @Test
    void criticalitiesSurviveARestart() {
        upsertOk(SPACE, "service.name", "durable-svc", "extreme_impact");
        server.stop();
        server.start();
        assertThat(get(SPACE, "service.name", "durable-svc").json().path("criticality_level").asText())
                .isEqualTo("extreme_impact");
    }

    // --- CSV ---

    static Answer uploadCsv(String path, String csv) {
        String boundary = "----entitystore" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"c.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        return client().request("POST", path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .bytes(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).send();
    }

    @Test
    void v1CsvRowsApplyAndBadRowsAreReportedByIndex() {
        Answer answer = uploadCsv(ac(SPACE) + "/upload_csv",
                "host,csv-host-1,low_impact\nuser,csv-user,high_impact\nrouter,r1,low_impact\nhost,csv-host-2,wrong\n");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("stats").toString()).isEqualTo("{\"successful\":2,\"failed\":2,\"total\":4}");
        assertThat(answer.json().at("/errors/0/index").asInt()).isEqualTo(2);
        assertThat(answer.json().at("/errors/0/message").asText()).startsWith("Invalid entity type \"router\"");
        assertThat(answer.json().at("/errors/1/index").asInt()).isEqualTo(3);
        assertThat(get(SPACE, "user.name", "csv-user").json().path("criticality_level").asText()).isEqualTo("high_impact");
    }

    @Test
    void v2CsvMatchesEntitiesByTheirColumnsAndCanCreateTheUnmatched() {
        String space = "accsv";
        install(space);
        for (String name : List.of("web-a", "web-b")) {
            Answer created = client().post(v2(space) + "/entities/host", "{\"host\":{\"name\":\"" + name
                    + "\",\"ip\":[\"10.1.1.1\"]}}");
            assertThat(created.status()).as(created.body()).isEqualTo(200);
        }
        String csv = "type,host.ip,host.name,criticality_level\n"
                + "host,10.1.1.1,,high_impact\n"
                + "host,10.9.9.9,ghost,low_impact\n"
                + "router,x,,low_impact\n";
        Answer answer = uploadCsv("/s/" + space + "/internal/asset_criticality/upload_csv_v2", csv);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.path("successful").asInt()).isEqualTo(1);
        assertThat(body.path("unmatched").asInt()).isEqualTo(1);
        assertThat(body.path("failed").asInt()).isEqualTo(1);
        assertThat(body.at("/items/0/matchedEntities").asInt()).isEqualTo(2);
        assertThat(body.at("/items/1/status").asText()).isEqualTo("unmatched");
        assertThat(body.at("/items/2/status").asText()).isEqualTo("failure");
        assertThat(entity(space, "host", "host:web-b").at("/asset/criticality").asText()).isEqualTo("high_impact");
        assertThat(client().get(v2(space) + "/entities/host/host:ghost").status()).isEqualTo(404);

        Answer created = uploadCsv("/s/" + space + "/internal/asset_criticality/upload_csv_v2?create_unmatched=true",
                "type,host.ip,host.name,criticality_level\nhost,10.9.9.9,ghost,low_impact\n");
        assertThat(created.json().at("/items/0/created").asBoolean()).as(created.body()).isTrue();
        JsonNode ghost = entity(space, "host", "host:ghost");
        assertThat(ghost.at("/asset/criticality").asText()).isEqualTo("low_impact");
        assertThat(ghost.at("/entity/created_by").asText()).isEqualTo("asset_criticality");
    }
}
