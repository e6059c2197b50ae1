package dev.entitystore.server.v2;

import static dev.entitystore.server.ErrorAssertions.assertError;
import static dev.entitystore.server.v2.ListCalls.BASE;
import static dev.entitystore.server.v2.ListCalls.LIST;
import static dev.entitystore.server.v2.ListCalls.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entitystore.server.HttpClientForTests;
import dev.entitystore.server.HttpClientForTests.Answer;
import dev.entitystore.server.RunningServer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** List, cursor mode over HTTP: Kibana's Scout scenarios, its wire example, paging. */
abstract class ListCursorModeHttpSuite {
    @RegisterExtension
    static RunningServer server = new RunningServer();

    static final ListCalls calls = new ListCalls(server);

    @BeforeAll
    static void install() {
        assertThat(client().post(BASE + "/install", "{}").status()).isIn(200, 201);
    }

    static HttpClientForTests client() {
        return server.client();
    }




    static List<String> ids(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        answer.path("entities").forEach(entity -> ids.add(entity.at("/entity/id").asText()));
        return ids;
    }

    @Test
    void listWithoutParams() {
        calls.create("generic", "{\"entity\":{\"id\":\"required-id-list\"}}");
        JsonNode answer = calls.list("");
        assertThat(ids(answer)).contains("required-id-list");
        assertThat(answer.has("fields")).isFalse();
    }

    @Test
    void listWithKqlFilter() {
        calls.create("generic", "{\"entity\":{\"id\":\"list-filter-match\"}}");
        calls.create("generic", "{\"entity\":{\"id\":\"list-filter-nomatch\"}}");
        assertThat(ids(calls.list("?filter=" + q("entity.id: list-filter-match")))).containsExactly("list-filter-match");
    }

    @Test
    void listSize() {
        for (int i = 0; i < 3; i++) {
            calls.create("generic", "{\"entity\":{\"id\":\"list-size-" + i + "\"}}");
        }
        JsonNode answer = calls.list("?size=1");
        assertThat(answer.path("entities")).hasSize(1);
        assertThat(answer.path("nextSearchAfter").isArray()).isTrue();
    }

    @Test
    void paginateWithSearchAfter() {
        calls.create("generic", "{\"entity\":{\"id\":\"list-page-0\"}}");
        calls.create("generic", "{\"entity\":{\"id\":\"list-page-1\"}}");
        String filter = "&filter=" + q("entity.id: list-page-*");
        JsonNode first = calls.list("?size=1" + filter);
        JsonNode second = calls.list("?size=1" + filter + "&searchAfter=" + q(first.path("nextSearchAfter").toString()));
        assertThat(ids(second)).hasSize(1).doesNotContainAnyElementsOf(ids(first));
        JsonNode third = calls.list("?size=1" + filter + "&searchAfter=" + q(second.path("nextSearchAfter").toString()));
        assertThat(third.path("entities")).isEmpty();
        assertThat(third.has("nextSearchAfter")).isFalse();
    }

    @Test
    void fieldsParam() {
        calls.create("generic", "{\"entity\":{\"id\":\"list-fields-test\"}}");
        JsonNode answer = calls.list("?filter=" + q("entity.id: list-fields-test") + "&fields=entity.id");
        assertThat(answer.path("fields")).hasSize(1);
        assertThat(answer.at("/fields/0/entity.id").toString()).isEqualTo("[\"list-fields-test\"]");
        assertThat(calls.list("?filter=" + q("entity.id: list-fields-test")).has("fields")).isFalse();
    }

    @Test
    void multipleAndMissingFields() {
        calls.create("host", "{\"host\":{\"name\":\"list-multi-fields\"}}");
        String filter = "?filter=" + q("entity.id: \"host:list-multi-fields\"");
        JsonNode answer = calls.list(filter + "&fields=entity.id,host.name");
        assertThat(answer.at("/fields/0/entity.id").toString()).isEqualTo("[\"host:list-multi-fields\"]");
        assertThat(answer.at("/fields/0/host.name").toString()).isEqualTo("[\"list-multi-fields\"]");
        JsonNode missing = calls.list(filter + "&fields=entity.id,does.not.exist");
        assertThat(missing.path("fields").get(0).has("does.not.exist")).isFalse();
        assertThat(calls.list(filter + "&fields=entity.id&fields=host.name").path("fields").get(0).size()).isEqualTo(2);
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
        calls.create("host", "{\"host\":{\"name\":\"web-01\"},\"entity\":{\"attributes\":{\"managed\":true}}}");
        JsonNode answer = calls.list("?filter=" + q("entity.id: \"host:web-01\"") + "&size=1&fields=entity.id,host.name");
        assertThat(answer.path("entities")).hasSize(1);
        JsonNode entity = answer.path("entities").get(0);
        assertThat(entity.at("/entity/attributes/managed").asBoolean()).isTrue();
        assertThat(answer.path("nextSearchAfter")).hasSize(2);
        assertThat(answer.path("nextSearchAfter").get(0).isIntegralNumber()).isTrue();
        assertThat(answer.path("fields").get(0).toString()).isEqualTo("{\"entity.id\":[\"host:web-01\"],\"host.name\":[\"web-01\"]}");
        JsonNode sourced = calls.list("?filter=" + q("entity.id: \"host:web-01\"") + "&source=host&source=entity.id");
        assertThat(sourced.path("entities").get(0)).isEqualTo(
                new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"entity\":{\"id\":\"host:web-01\"},\"host\":{\"name\":\"web-01\"}}"));
    }

    @Test
    void aWriteIsListedWhenItReturns() {
        for (int i = 0; i < 20; i++) {
            calls.create("generic", "{\"entity\":{\"id\":\"visible-" + i + "\"}}");
            assertThat(ids(calls.list("?filter=" + q("entity.id: visible-" + i)))).containsExactly("visible-" + i);
            Answer update = client().put(BASE + "/entities/generic", "{\"entity\":{\"id\":\"visible-" + i
                    + "\",\"attributes\":{\"watchlists\":[\"w" + i + "\"]}}}");
            assertThat(update.status()).as(update.body()).isEqualTo(200);
            assertThat(ids(calls.list("?filter=" + q("entity.attributes.watchlists: w" + i)))).containsExactly("visible-" + i);
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
            creates.add(clients.submit(() -> calls.create("generic", "{\"entity\":{\"id\":\"walk-" + n + "\"}}")));
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
        JsonNode page = calls.list("?size=7" + filter);
        int extra = 0;
        while (page.path("entities").size() > 0) {
            visited.addAll(ids(page));
            // Writes between pages: a new entity, and an update of one already visited (both move to the front).
            calls.create("generic", "{\"entity\":{\"id\":\"walk-extra-" + extra++ + "\"}}");
            String seen = visited.get(visited.size() / 2);
            assertThat(client().put(BASE + "/entities/generic", "{\"entity\":{\"id\":\"" + seen
                    + "\",\"attributes\":{\"managed\":false}}}").status()).isEqualTo(200);
            page = calls.list("?size=7" + filter + "&searchAfter=" + q(page.path("nextSearchAfter").toString()));
        }
        Set<String> unique = new HashSet<>(visited);
        assertThat(unique).hasSize(visited.size());
        for (int i = 0; i < count; i++) {
            assertThat(unique).contains("walk-" + i);
        }
    }
}
