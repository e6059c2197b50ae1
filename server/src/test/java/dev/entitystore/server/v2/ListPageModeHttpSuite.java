package dev.entitystore.server.v2;

import static dev.entitystore.server.ErrorAssertions.assertError;
import static dev.entitystore.server.v2.ListCalls.BASE;
import static dev.entitystore.server.v2.ListCalls.LIST;
import static dev.entitystore.server.v2.ListCalls.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.entitystore.server.HttpClientForTests;
import dev.entitystore.server.RunningServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** List, page mode over HTTP, mode mixing, not-installed, spaces. */
abstract class ListPageModeHttpSuite {
    @RegisterExtension
    static RunningServer server = new RunningServer();

    static final ListCalls calls = new ListCalls(server);

    @BeforeAll
    static void install() {
        assertThat(client().post(BASE + "/install", "{}").status()).isIn(200, 201);
        calls.create("host", "{\"host\":{\"name\":\"web-01\"},\"asset\":{\"criticality\":\"high_impact\"}}");
        calls.create("host", "{\"host\":{\"name\":\"web-02\"}}");
        calls.create("user", "{\"user\":{\"email\":[\"jane@corp\"]},\"event\":{\"kind\":\"asset\"},\"entity\":{\"attributes\":{\"managed\":true}}}");
        calls.create("generic", "{\"entity\":{\"id\":\"page-generic\"}}");
    }

    static HttpClientForTests client() {
        return server.client();
    }




    static List<String> ids(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        answer.path("records").forEach(record -> ids.add(record.at("/entity/id").asText()));
        return ids;
    }

    @Test
    void wireExampleEntityTypesFindApiCreatedEntities() throws Exception {
        JsonNode answer = calls.list("?entity_types=host&page=1&per_page=10&sort_field=@timestamp&sort_order=desc");
        assertThat(ids(answer)).containsExactly("host:web-02", "host:web-01");
        assertThat(answer.path("total").asLong()).isEqualTo(2);
        assertThat(answer.path("page").asInt()).isEqualTo(1);
        assertThat(answer.path("per_page").asInt()).isEqualTo(10);
        String dsl = answer.at("/inspect/dsl/0").asText();
        assertThat(new ObjectMapper().readTree(dsl).toString())
                .isEqualTo("{\"index\":[\"entities-latest-default\"],\"body\":{\"terms\":{\"entity.EngineMetadata.Type\":[\"host\"]}}}");
        assertThat(dsl).contains("\n  \"index\": [\n    \"entities-latest-default\"\n  ],");
        JsonNode response = new ObjectMapper().readTree(answer.at("/inspect/response/0").asText());
        assertThat(response.at("/hits/total/value").asLong()).isEqualTo(2);
    }

    @Test
    void recordsArePostProcessedAsKibanaDoes() {
        JsonNode host = calls.list("?entity_types=host&filterQuery=" + q("{\"term\":{\"host.name\":\"web-01\"}}")).path("records").get(0);
        assertThat(host.path("asset").toString()).isEqualTo("{\"criticality\":\"high_impact\"}");
        JsonNode user = calls.list("?entity_types=user").path("records").get(0);
        assertThat(user.at("/entity/attributes/managed").asBoolean()).isTrue();
        assertThat(user.at("/entity/EngineMetadata/Type").asText()).isEqualTo("user");
    }

    @Test
    void filterQueryAndTypesCombineInBoolMust() throws Exception {
        JsonNode answer = calls.list("?entity_types=host,user&filterQuery=" + q("{\"bool\":{\"must_not\":[{\"term\":{\"host.name\":\"web-02\"}}]}}"));
        String user = ids(calls.list("?entity_types=user")).get(0);
        assertThat(ids(answer)).containsExactlyInAnyOrder("host:web-01", user);
        assertThat(new ObjectMapper().readTree(answer.at("/inspect/dsl/0").asText()).at("/body/bool/must")).hasSize(2);
    }

    @Test
    void kqlAndDslAgree() {
        List<String> kql = new ArrayList<>();
        calls.list("?size=100&filter=" + q("entity.EngineMetadata.Type: host and not host.name: web-02"))
                .path("entities").forEach(e -> kql.add(e.at("/entity/id").asText()));
        List<String> dsl = ids(calls.list("?per_page=100&filterQuery=" + q("{\"bool\":{\"filter\":[{\"term\":{\"entity.EngineMetadata.Type\":\"host\"}}],"
                + "\"must_not\":[{\"term\":{\"host.name\":\"web-02\"}}]}}")));
        assertThat(kql).isNotEmpty().containsExactlyInAnyOrderElementsOf(dsl);
    }

    @Test
    void pagesAndSortOrder() {
        JsonNode all = calls.list("?per_page=100&sort_field=entity.id&sort_order=asc");
        List<String> sorted = ids(all);
        assertThat(sorted).isSorted().hasSize((int) all.path("total").asLong());
        JsonNode second = calls.list("?page=2&per_page=2&sort_field=entity.id&sort_order=asc");
        assertThat(ids(second)).containsExactlyElementsOf(sorted.subList(2, Math.min(4, sorted.size())));
        assertThat(ids(calls.list("?per_page=100&sort_field=entity.id&sort_order=desc"))).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(calls.list("?page=1000&per_page=10").path("records")).isEmpty();
    }

    @Test
    void filterQueryErrors() {
        assertError(client().get(LIST + "?filterQuery=" + q("{not json")), 400, "Bad Request", "Invalid filterQuery: must be valid JSON");
        assertError(client().get(LIST + "?filterQuery=" + q("{\"fuzzy\":{\"a\":\"b\"}}")), 400, "Bad Request",
                "Invalid filterQuery: unsupported query [fuzzy]");
    }

    @Test
    void modeMixing() {
        assertError(client().get(LIST + "?page=1&searchAfter=" + q("[1]")), 400, "Bad Request",
                "[request query]: Cannot combine page/per_page with searchAfter");
        assertError(client().get(LIST + "?per_page=5&size=5"), 400, "Bad Request",
                "[request query]: Cannot combine page/per_page with size; use per_page for page mode");
        assertError(client().get(LIST + "?filter=a:b&sort_order=asc"), 400, "Bad Request",
                "[request query]: Cannot combine KQL `filter` with page search parameters (entity_types, filterQuery, page, per_page, sort_field, sort_order)");
        assertThat(client().get(LIST + "?entity_types=robot").json().path("message").asText())
                .isEqualTo("[request query]: entity_types.0: Invalid option: expected one of \"user\"|\"host\"|\"service\"|\"generic\"");
        assertThat(client().get(LIST + "?per_page=10001").status()).isEqualTo(400);
        assertThat(client().get(LIST + "?page=0").status()).isEqualTo(400);
        assertThat(client().get(LIST + "?size=0").status()).isEqualTo(400);
    }

    @Test
    void notInstalledIsAnEmptyList() {
        String base = "/s/never-installed" + BASE;
        assertThat(client().get(base + "/entities").body()).isEqualTo("{\"entities\":[]}");
        JsonNode page = client().get(base + "/entities?page=1").json();
        assertThat(page.path("records")).isEmpty();
        assertThat(page.path("total").asLong()).isZero();
        assertThat(page.path("page").asInt()).isEqualTo(1);
        assertThat(page.path("per_page").asInt()).isEqualTo(10);
    }

    @Test
    void spacesAreSeparateAndUninstallRemovesTheirEntities() {
        String base = "/s/list-space" + BASE;
        assertThat(client().post(base + "/install", "{}").status()).isIn(200, 201);
        assertThat(client().post(base + "/entities/generic", "{\"entity\":{\"id\":\"only-in-space\"}}").status()).isEqualTo(200);
        assertThat(client().get(base + "/entities?per_page=100").json().path("total").asLong()).isEqualTo(1);
        assertThat(ids(calls.list("?per_page=100"))).doesNotContain("only-in-space");
        assertThat(client().post(base + "/uninstall", "{}").status()).isEqualTo(200);
        assertThat(client().post(base + "/install", "{}").status()).isIn(200, 201);
        assertThat(client().get(base + "/entities?per_page=100").json().path("total").asLong()).isZero();
    }
}
