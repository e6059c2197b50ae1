package dev.entitystore.server.relationship;

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

/** Kibana's relationships listing over the relationship values written to records: filters, order, pages. */
abstract class RelationshipsHttpSuite {
    private static final String BASE = "/s/relationships/api/security/entity_store";

    @RegisterExtension
    static RunningServer server = new RunningServer();

    private static HttpClientForTests client() {
        return server.client();
    }

    @BeforeAll
    static void createAnEntityWithRelationships() {
        assertThat(client().post(BASE + "/install", "{}").status()).isEqualTo(201);
        Answer created = client().post(BASE + "/entities/generic", "{\"entity\":{\"id\":\"svc-a\",\"source\":[\"cmdb\"],"
                + "\"relationships\":{\"accesses_frequently\":{\"ids\":[\"host:web-02\",\"host:web-01\"]},"
                + "\"owns\":{\"ids\":[\"host:laptop-9\"]}}}}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(client().post(BASE + "/entities/generic", "{\"entity\":{\"id\":\"lonely\"}}").status()).isEqualTo(200);
    }

    private static JsonNode list(String query) {
        Answer answer = client().get(BASE + "/entities/svc-a/relationships" + query);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static List<String> targets(JsonNode page) {
        List<String> targets = new ArrayList<>();
        page.path("records").forEach(record -> targets.add(record.path("target").asText()));
        return targets;
    }

    @Test
    void everyRelationshipOfTheRecordIsListedInKibanasShape() {
        JsonNode page = list("");
        assertThat(page.path("total").asLong()).isEqualTo(3);
        assertThat(page.path("page").asInt()).isEqualTo(1);
        assertThat(page.path("per_page").asInt()).isEqualTo(10);
        JsonNode first = page.path("records").get(0);
        assertThat(first.path("kind").asText()).isEqualTo("accesses_frequently");
        assertThat(first.path("target").asText()).isEqualTo("host:web-01");
        assertThat(first.path("source").asText()).isEqualTo("cmdb");
        assertThat(first.path("timestamp").asText()).isNotBlank();
        assertThat(first.path("first_seen").asText()).isEqualTo(first.path("timestamp").asText());
        assertThat(targets(page)).containsExactly("host:web-01", "host:web-02", "host:laptop-9");
    }

    @Test
    void kindAndTargetFilter() {
        assertThat(targets(list("?kind=owns"))).containsExactly("host:laptop-9");
        assertThat(targets(list("?target=host:web-02"))).containsExactly("host:web-02");
        assertThat(list("?kind=supervises").path("total").asLong()).isZero();
    }

    @Test
    void sortAndPages() {
        assertThat(targets(list("?sort_field=target&sort_order=asc"))).containsExactly("host:laptop-9", "host:web-01",
                "host:web-02");
        JsonNode second = list("?sort_field=target&sort_order=asc&page=2&per_page=2");
        assertThat(targets(second)).containsExactly("host:web-02");
        assertThat(second.path("total").asLong()).isEqualTo(3);
        assertThat(list("?page=5").path("records")).isEmpty();
    }

    @Test
    void fromAndToBoundTheWriteTime() {
        assertThat(list("?from=2000-01-01T00:00:00Z&to=2999-01-01T00:00:00Z").path("total").asLong()).isEqualTo(3);
        assertThat(list("?to=2000-01-01T00:00:00Z").path("total").asLong()).isZero();
    }

    @Test
    void anEntityWithoutRelationshipsOrNotStoredHasNone() {
        assertThat(client().get(BASE + "/entities/lonely/relationships").json().path("total").asLong()).isZero();
        assertThat(client().get(BASE + "/entities/nobody/relationships").json().path("records")).isEmpty();
    }

    @Test
    void badQueriesAre400() {
        assertThat(client().get(BASE + "/entities/svc-a/relationships?kind=likes").status()).isEqualTo(400);
        assertThat(client().get(BASE + "/entities/svc-a/relationships?page=0").status()).isEqualTo(400);
        assertThat(client().get(BASE + "/entities/svc-a/relationships?sort_order=up").status()).isEqualTo(400);
        assertError(client().get(BASE + "/entities/svc-a/relationships?from=yesterday"), 400, "Bad Request",
                "[request query]: from: Invalid ISO datetime");
        assertError(client().get(BASE + "/entities/svc-a/relationships?sort_field=score"), 400, "Bad Request",
                "[request query]: sort_field: must be one of @timestamp, timestamp, kind, target, source");
    }

    @Test
    void eachRelationshipIsTimedByItsOwnWritesNotTheRecordsLastWrite() throws InterruptedException {
        assertThat(client().post(BASE + "/entities/generic", "{\"entity\":{\"id\":\"svc-timed\","
                + "\"relationships\":{\"owns\":{\"ids\":[\"host:old\"]}}}}").status()).isEqualTo(200);
        Thread.sleep(20);
        // Adds a second target; the first is written again with it.
        assertThat(client().put(BASE + "/entities/generic", "{\"entity\":{\"id\":\"svc-timed\","
                + "\"relationships\":{\"owns\":{\"ids\":[\"host:old\",\"host:new\"]}}}}").status()).isEqualTo(200);
        Thread.sleep(20);
        // A write that touches no relationship does not move their times.
        assertThat(client().put(BASE + "/entities/generic", "{\"entity\":{\"id\":\"svc-timed\","
                + "\"attributes\":{\"managed\":true}}}").status()).isEqualTo(200);

        JsonNode records = client().get(BASE + "/entities/svc-timed/relationships?sort_field=target&sort_order=asc")
                .json().path("records");
        JsonNode added = records.get(0);
        JsonNode old = records.get(1);
        assertThat(added.path("target").asText()).isEqualTo("host:new");
        assertThat(old.path("target").asText()).isEqualTo("host:old");
        String recordWrite = client().get(BASE + "/entities/generic/svc-timed").json().path("@timestamp").asText();
        List<String> writes = new ArrayList<>();
        client().get(BASE + "/entities/generic/svc-timed/history").json().path("changes")
                .forEach(change -> writes.add(0, change.path("@timestamp").asText()));
        assertThat(writes).hasSize(3);
        assertThat(old.path("first_seen").asText()).as("added by the create").isEqualTo(writes.get(0));
        assertThat(old.path("timestamp").asText()).as("last carried by the second write").isEqualTo(writes.get(1));
        assertThat(added.path("first_seen").asText()).isEqualTo(writes.get(1));
        assertThat(added.path("timestamp").asText()).isEqualTo(writes.get(1)).isNotEqualTo(recordWrite);
        assertThat(client().get(BASE + "/entities/svc-timed/relationships?to=" + writes.get(0)).json().path("total")
                .asLong()).as("nothing was last written by the create").isZero();
    }

    @Test
    void theStoredEntityIsStillReadByTypeAndId() {
        assertThat(client().get(BASE + "/entities/generic/svc-a").status()).isEqualTo(200);
    }
}
