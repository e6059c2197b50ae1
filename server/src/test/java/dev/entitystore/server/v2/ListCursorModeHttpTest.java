package dev.entitystore.server.v2;

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
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** List, cursor mode over HTTP: Kibana's Scout scenarios (spec §11.1 14-23), the wire example §14.12, paging. */
class ListCursorModeHttpTest {
    @RegisterExtension
    static RunningServer server = new RunningServer();

    static final String BASE = "/api/security/entity_store";
    static final String LIST = BASE + "/entities";

    @BeforeAll
    static void install() {
        assertThat(client().post(BASE + "/install", "{}").status()).isIn(200, 201);
    }

    static HttpClientForTests client() {
        return server.client();
    }

    static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static void create(String type, String body) {
        Answer answer = client().post(BASE + "/entities/" + type, body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    static JsonNode list(String query) {
        Answer answer = client().get(LIST + query);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    static List<String> ids(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        answer.path("entities").forEach(entity -> ids.add(entity.at("/entity/id").asText()));
        return ids;
    }

    @Test
    void listWithoutParams() {
        create("generic", "{\"entity\":{\"id\":\"required-id-list\"}}");
        JsonNode answer = list("");
        assertThat(ids(answer)).contains("required-id-list");
        assertThat(answer.has("fields")).isFalse();
    }

    @Test
    void listWithKqlFilter() {
        create("generic", "{\"entity\":{\"id\":\"list-filter-match\"}}");
        create("generic", "{\"entity\":{\"id\":\"list-filter-nomatch\"}}");
        assertThat(ids(list("?filter=" + q("entity.id: list-filter-match")))).containsExactly("list-filter-match");
    }

    @Test
    void listSize() {
        for (int i = 0; i < 3; i++) {
            create("generic", "{\"entity\":{\"id\":\"list-size-" + i + "\"}}");
        }
        JsonNode answer = list("?size=1");
        assertThat(answer.path("entities")).hasSize(1);
        assertThat(answer.path("nextSearchAfter").isArray()).isTrue();
    }

    @Test
    void paginateWithSearchAfter() {
        create("generic", "{\"entity\":{\"id\":\"list-page-0\"}}");
        create("generic", "{\"entity\":{\"id\":\"list-page-1\"}}");
        String filter = "&filter=" + q("entity.id: list-page-*");
        JsonNode first = list("?size=1" + filter);
        JsonNode second = list("?size=1" + filter + "&searchAfter=" + q(first.path("nextSearchAfter").toString()));
        assertThat(ids(second)).hasSize(1).doesNotContainAnyElementsOf(ids(first));
        JsonNode third = list("?size=1" + filter + "&searchAfter=" + q(second.path("nextSearchAfter").toString()));
        assertThat(third.path("entities")).isEmpty();
        assertThat(third.has("nextSearchAfter")).isFalse();
    }

    @Test
    void fieldsParam() {
        create("generic", "{\"entity\":{\"id\":\"list-fields-test\"}}");
        JsonNode answer = list("?filter=" + q("entity.id: list-fields-test") + "&fields=entity.id");
        assertThat(answer.path("fields")).hasSize(1);
        assertThat(answer.at("/fields/0/entity.id").toString()).isEqualTo("[\"list-fields-test\"]");
        assertThat(list("?filter=" + q("entity.id: list-fields-test")).has("fields")).isFalse();
    }

    @Test
    void multipleAndMissingFields() {
        create("host", "{\"host\":{\"name\":\"list-multi-fields\"}}");
        String filter = "?filter=" + q("entity.id: \"host:list-multi-fields\"");
        JsonNode answer = list(filter + "&fields=entity.id,host.name");
        assertThat(answer.at("/fields/0/entity.id").toString()).isEqualTo("[\"host:list-multi-fields\"]");
        assertThat(answer.at("/fields/0/host.name").toString()).isEqualTo("[\"list-multi-fields\"]");
        JsonNode missing = list(filter + "&fields=entity.id,does.not.exist");
        assertThat(missing.path("fields").get(0).has("does.not.exist")).isFalse();
        assertThat(list(filter + "&fields=entity.id&fields=host.name").path("fields").get(0).size()).isEqualTo(2);
    }

    @Test
    void invalidKql() {
        Answer answer = client().get(LIST + "?filter=" + q("entity.id:"));
        assertError(answer, 400, "Bad Request",
                "Invalid filter: Expected \"(\", \"{\", value, whitespace but end of input found.\nentity.id:\n----------^");
        assertError(client().get(LIST + "?filter=" + q("invalid :: query")), 400, "Bad Request",
                "Invalid filter: Expected \"(\", \"{\", value, whitespace but \":\" found.\ninvalid :: query\n---------^");
    }

    @Test
    void invalidSearchAfter() {
        assertError(client().get(LIST + "?searchAfter=" + q("{bad")), 400, "Bad Request",
                "Bad request: Invalid searchAfter: must be a valid JSON-encoded value");
        assertThat(client().get(LIST + "?searchAfter=" + q("[1]")).json().path("message").asText()).contains("Invalid searchAfter");
    }

    @Test
    void wireExampleWithSourceAndFields() throws Exception {
        create("host", "{\"host\":{\"name\":\"web-01\"},\"entity\":{\"attributes\":{\"managed\":true}}}");
        JsonNode answer = list("?filter=" + q("entity.id: \"host:web-01\"") + "&size=1&fields=entity.id,host.name");
        assertThat(answer.path("entities")).hasSize(1);
        JsonNode entity = answer.path("entities").get(0);
        assertThat(entity.at("/entity/attributes/managed").asBoolean()).isTrue();
        assertThat(answer.path("nextSearchAfter")).hasSize(2);
        assertThat(answer.path("nextSearchAfter").get(0).isIntegralNumber()).isTrue();
        assertThat(answer.path("fields").get(0).toString()).isEqualTo("{\"entity.id\":[\"host:web-01\"],\"host.name\":[\"web-01\"]}");
        JsonNode sourced = list("?filter=" + q("entity.id: \"host:web-01\"") + "&source=host&source=entity.id");
        assertThat(sourced.path("entities").get(0)).isEqualTo(
                new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"entity\":{\"id\":\"host:web-01\"},\"host\":{\"name\":\"web-01\"}}"));
    }

    @Test
    void aWriteIsListedWhenItReturns() {
        for (int i = 0; i < 20; i++) {
            create("generic", "{\"entity\":{\"id\":\"visible-" + i + "\"}}");
            assertThat(ids(list("?filter=" + q("entity.id: visible-" + i)))).containsExactly("visible-" + i);
            Answer update = client().put(BASE + "/entities/generic", "{\"entity\":{\"id\":\"visible-" + i
                    + "\",\"attributes\":{\"watchlists\":[\"w" + i + "\"]}}}");
            assertThat(update.status()).as(update.body()).isEqualTo(200);
            assertThat(ids(list("?filter=" + q("entity.attributes.watchlists: w" + i)))).containsExactly("visible-" + i);
        }
    }

    @Test
    void pagingVisitsEachEntityOnceWithEqualTimestampsAndWritesBetweenPages() throws Exception {
        int count = 1_000;
        // Created by 8 clients at once, so that they share commits (and it takes seconds, not tens).
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<?>> creates = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            creates.add(clients.submit(() -> create("generic", "{\"entity\":{\"id\":\"walk-" + n + "\"}}")));
        }
        for (java.util.concurrent.Future<?> created : creates) {
            created.get();
        }
        clients.shutdown();
        // One bulk update restamps them all within a few milliseconds: many equal timestamps.
        StringBuilder bulk = new StringBuilder("{\"entities\":[");
        for (int i = 0; i < count; i++) {
            bulk.append(i == 0 ? "" : ",").append("{\"type\":\"generic\",\"doc\":{\"entity\":{\"id\":\"walk-").append(i)
                    .append("\",\"attributes\":{\"managed\":true}}}}");
        }
        assertThat(client().put(BASE + "/entities/bulk", bulk.append("]}").toString()).status()).isEqualTo(200);

        String filter = "&filter=" + q("entity.id: walk-*");
        List<String> visited = new ArrayList<>();
        JsonNode page = list("?size=7" + filter);
        int extra = 0;
        while (page.path("entities").size() > 0) {
            visited.addAll(ids(page));
            // Writes between pages: a new entity, and an update of one already visited (both move to the front).
            create("generic", "{\"entity\":{\"id\":\"walk-extra-" + extra++ + "\"}}");
            String seen = visited.get(visited.size() / 2);
            assertThat(client().put(BASE + "/entities/generic", "{\"entity\":{\"id\":\"" + seen
                    + "\",\"attributes\":{\"managed\":false}}}").status()).isEqualTo(200);
            page = list("?size=7" + filter + "&searchAfter=" + q(page.path("nextSearchAfter").toString()));
        }
        Set<String> unique = new HashSet<>(visited);
        assertThat(unique).hasSize(visited.size());
        for (int i = 0; i < count; i++) {
            assertThat(unique).contains("walk-" + i);
        }
    }
}
