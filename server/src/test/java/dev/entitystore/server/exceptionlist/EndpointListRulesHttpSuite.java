package dev.entitystore.server.exceptionlist;

import static dev.entitystore.server.exceptionlist.EndpointListCalls.ITEMS;
import static dev.entitystore.server.exceptionlist.EndpointListCalls.assertKibanaError;
import static dev.entitystore.server.exceptionlist.EndpointListCalls.assertSiemError;
import static dev.entitystore.server.exceptionlist.EndpointListCalls.j;
import static dev.entitystore.server.exceptionlist.EndpointListCalls.node;
import static dev.entitystore.server.exceptionlist.EndpointListCalls.ok;
import static dev.entitystore.server.exceptionlist.EndpointListCalls.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entitystore.server.HttpClientForTests.Answer;
import dev.entitystore.server.RunningServer;
import dev.entitystore.server.TestCredentials;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The endpoint exception list's rules beyond the upstream scenarios: `_version`, the request schema and
 * the endpoint entry rules, read, delete and find, spaces, conventions, and persistence across a restart.
 */
abstract class EndpointListRulesHttpSuite {
    private static final TestCredentials CREDENTIALS = TestCredentials.inTempDirectory();
    static final String WRITER = CREDENTIALS.addUser("writer", "--spaces", "*", "--write");
    static final String READER = CREDENTIALS.addUser("reader", "--spaces", "default", "--read-only");
    static final String TEAM_KEY = CREDENTIALS.addKey("team-a-writer", "--spaces", "team-a", "--write");
    static final String MATCH = "{'field':'process.name','operator':'included','type':'match','value':'evil.exe'}";

    @RegisterExtension
    static RunningServer server = new RunningServer(CREDENTIALS.environment());

    static final EndpointListCalls CALLS = new EndpointListCalls(server);

    static String item(String itemId, String name, String extra) {
        return "{'item_id':'" + itemId + "','name':'" + name + "','description':'d','type':'simple','entries':["
                + MATCH + "]" + extra + "}";
    }

    static JsonNode created(String itemId, String extra) {
        return ok(CALLS.send(WRITER, "POST", ITEMS, item(itemId, "n", extra)));
    }

    static JsonNode find(String query) {
        return ok(CALLS.send(READER, "GET", ITEMS + "/_find" + query, null));
    }

    @Test
    void versionIsBase64OfSeqNoAndPrimaryTermAndGuardsUpdates() {
        JsonNode before = created("v-1", "");
        String version = before.path("_version").asText();
        assertThat(new String(java.util.Base64.getDecoder().decode(version))).matches("\\[\\d+,\\d+\\]");
        JsonNode after = ok(CALLS.send(WRITER, "PUT", ITEMS, item("v-1", "second", ",'_version':'" + version + "'")));
        assertThat(after.path("_version").asText()).isNotEqualTo(version);
        Answer stale = CALLS.send(WRITER, "PUT", ITEMS, item("v-1", "third", ",'_version':'" + version + "'"));
        assertThat(stale.status()).as(stale.body()).isEqualTo(409);
        assertThat(stale.json().path("status_code").asInt()).isEqualTo(409);
        assertThat(stale.json().path("message").asText()).startsWith("version_conflict_engine_exception: [exception-list-agnostic:"
                + before.path("id").asText() + "]: version conflict, required seqNo [");
        assertThat(ok(CALLS.send(READER, "GET", ITEMS + "?item_id=v-1", null)).path("name").asText()).isEqualTo("second");
        assertSiemError(CALLS.send(WRITER, "PUT", ITEMS, item("v-1", "x", ",'_version':'not-a-version'")), 400,
                "Invalid version [not-a-version]");
    }

    @Test
    void requestSchemaFailuresUseKibanasEnvelope() {
        assertKibanaError(CALLS.send(WRITER, "POST", ITEMS, "{'name':'n','description':'d','type':'simple'}"), 400,
                "Bad Request", "[request body]: entries: Required");
        assertKibanaError(CALLS.send(WRITER, "POST", ITEMS, item("s-1", "", "")), 400, "Bad Request",
                "[request body]: name: Too small: expected string to have >=1 characters");
        assertKibanaError(CALLS.send(WRITER, "POST", ITEMS, "{'item_id':'s-1','name':'n','description':'d','type':'simple',"
                + "'entries':[{'field':'a','operator':'included','type':'match','value':' '}]}"), 400, "Bad Request",
                "[request body]: entries.0.value: No empty strings allowed");
        assertKibanaError(CALLS.send(WRITER, "POST", ITEMS, "{'item_id':'s-1','name':'n','description':'d','type':'simple',"
                + "'entries':[{'field':'a','operator':'included','type':'regex','value':'x'}]}"), 400, "Bad Request",
                "[request body]: entries.0.type: Invalid option: expected one of "
                        + "\"match\"|\"match_any\"|\"list\"|\"exists\"|\"nested\"|\"wildcard\"");
        assertKibanaError(CALLS.send(WRITER, "POST", ITEMS, item("s-1", "n", ",'os_types':['beos']")), 400, "Bad Request",
                "[request body]: os_types.0: Invalid option: expected one of \"linux\"|\"macos\"|\"windows\"");
        assertKibanaError(CALLS.send(WRITER, "POST", ITEMS, item("s-1", "n", ",'surprise':1")), 400, "Bad Request",
                "[request body]: Unrecognized key: \"surprise\"");
        assertSiemError(CALLS.send(WRITER, "GET", ITEMS + "?item_id=s-1", null), 404,
                "exception list item item_id: \"s-1\" does not exist");
    }

    @Test
    void endpointEntryRulesOnCreateOnly() {
        Answer exists = CALLS.send(WRITER, "POST", ITEMS, "{'item_id':'e-1','name':'n','description':'d','type':'simple',"
                + "'entries':[{'field':'a','operator':'included','type':'exists'}]}");
        assertThat(exists.status()).as(exists.body()).isEqualTo(400);
        assertThat(exists.json()).isEqualTo(node("{'message':['Invalid value \\\"exists\\\" supplied to \\\"entries\\\"'],"
                + "'status_code':400}"));
        assertSiemError(CALLS.send(WRITER, "POST", ITEMS, "{'item_id':'e-1','name':'n','description':'d','type':'simple',"
                + "'entries':[{'field':'process.entity_id','operator':'included','type':'match','value':'x'}]}"), 400,
                "cannot add endpoint exception item on field process.entity_id");
        created("e-1", "");
        // Kibana does not apply the endpoint rules again on update.
        JsonNode updated = ok(CALLS.send(WRITER, "PUT", ITEMS, "{'item_id':'e-1','name':'n','description':'d',"
                + "'type':'simple','entries':[{'field':'a','operator':'included','type':'exists'}]}"));
        assertThat(updated.path("entries")).isEqualTo(node("{'e':[{'field':'a','operator':'included','type':'exists'}]}").get("e"));
    }

    @Test
    void readAndDeleteByIdOrItemId() {
        JsonNode item = created("r-1", ",'meta':{'a':{'b':1}},'os_types':['linux']");
        assertThat(ok(CALLS.send(READER, "GET", ITEMS + "?id=" + item.path("id").asText(), null))).isEqualTo(item);
        assertThat(ok(CALLS.send(READER, "GET", ITEMS + "?item_id=r-1", null))).isEqualTo(item);
        assertSiemError(CALLS.send(READER, "GET", ITEMS, null), 400, "id or item_id required");
        assertSiemError(CALLS.send(READER, "GET", ITEMS + "?id=nope", null), 404, "exception list item id: \"nope\" does not exist");
        assertKibanaError(CALLS.send(READER, "DELETE", ITEMS + "?item_id=r-1", null), 403, "Forbidden",
                "API [DELETE /api/endpoint_list/items?item_id=r-1] is unauthorized for user, this action is granted by the"
                        + " Kibana privileges [lists-all]");
        assertSiemError(CALLS.send(WRITER, "DELETE", ITEMS, null), 400,
                "Either \"item_id\" or \"id\" needs to be defined in the request");
        assertThat(ok(CALLS.send(WRITER, "DELETE", ITEMS + "?item_id=r-1", null))).isEqualTo(item);
        assertSiemError(CALLS.send(WRITER, "DELETE", ITEMS + "?item_id=r-1", null), 404,
                "exception list item item_id: \"r-1\" does not exist");
        // deleted, the item_id is free again
        created("r-1", "");
    }

    @Test
    void updatePatchesMetaClearsOsTypesAndKeepsIdentity() {
        JsonNode before = created("p-1", ",'meta':{'a':{'b':1},'keep':true},'os_types':['linux'],'tags':['policy:abc']");
        JsonNode after = ok(CALLS.send(WRITER, "PUT", ITEMS, "{'id':'" + before.path("id").asText() + "','item_id':'renamed',"
                + "'name':'n2','description':'d2','type':'simple','entries':[" + MATCH + "],'meta':{'a':{'c':2}},"
                + "'created_by':'someone else','list_id':'other','namespace_type':'single'}"));
        assertThat(after.path("meta")).isEqualTo(node("{'a':{'b':1,'c':2},'keep':true}"));
        assertThat(after.path("os_types")).isEmpty();
        assertThat(after.path("item_id").asText()).isEqualTo("p-1");
        assertThat(after.path("list_id").asText()).isEqualTo("endpoint_list");
        assertThat(after.path("created_by")).isEqualTo(before.path("created_by"));
        assertThat(after.path("tags")).isEqualTo(node("{'t':['policy:abc','ownerSpaceId:default']}").get("t"));
    }

    @Test
    void findFiltersPagesAndSorts() {
        for (String name : List.of("charlie", "alpha", "bravo")) {
            created("f-" + name, ",'tags':['find-me']");
        }
        String filter = "?filter=" + q("exception-list-agnostic.attributes.tags:\"find-me\"");
        JsonNode page = find(filter + "&sort_field=item_id&sort_order=desc&per_page=2&page=1");
        assertThat(page.path("total").asInt()).isEqualTo(3);
        assertThat(page.path("page").asInt()).isEqualTo(1);
        assertThat(page.path("per_page").asInt()).isEqualTo(2);
        List<String> ids = new ArrayList<>();
        page.path("data").forEach(i -> ids.add(i.path("item_id").asText()));
        assertThat(ids).containsExactly("f-charlie", "f-bravo");
        JsonNode second = find(filter + "&sort_field=item_id&sort_order=desc&per_page=2&page=2");
        assertThat(second.path("data")).hasSize(1);
        assertThat(second.path("data").get(0).path("item_id").asText()).isEqualTo("f-alpha");
        JsonNode one = find("?filter=" + q("exception-list-agnostic.attributes.item_id:f-alpha and "
                + "exception-list-agnostic.attributes.entries.value:evil.exe"));
        assertThat(one.path("total").asInt()).isEqualTo(1);
        assertSiemError(CALLS.send(READER, "GET", ITEMS + "/_find?filter=" + q("name:alpha"), null), 400,
                "This key 'name' need to be wrapped by a saved object type like exception-list-agnostic: Bad Request");
        assertThat(find("?per_page=1000").path("per_page").asInt()).isEqualTo(1000);
        assertKibanaError(CALLS.send(READER, "GET", ITEMS + "/_find?sort_order=up", null), 400, "Bad Request",
                "[request query]: sort_order: Invalid option: expected one of \"asc\"|\"desc\"");
    }

    @Test
    void theListIsTheSameInEverySpaceAndItemsRecordTheirSpace() {
        JsonNode fromTeam = ok(CALLS.send(TEAM_KEY, "POST", "/s/team-a" + ITEMS, item("sp-1", "n", "")));
        assertThat(fromTeam.path("tags")).isEqualTo(node("{'t':['policy:all','ownerSpaceId:team-a']}").get("t"));
        assertThat(fromTeam.path("created_by").asText()).isEqualTo("team-a-writer");
        assertThat(ok(CALLS.send(READER, "GET", ITEMS + "?item_id=sp-1", null)).path("id")).isEqualTo(fromTeam.path("id"));
        // the team's key has no grant in the default space
        assertKibanaError(CALLS.send(TEAM_KEY, "GET", ITEMS + "?item_id=sp-1", null), 403, "Forbidden",
                "API [GET /api/endpoint_list/items?item_id=sp-1] is unauthorized for user, this action is granted by the"
                        + " Kibana privileges [lists-read]");
        // an update from another space keeps the owner
        JsonNode updated = ok(CALLS.send(WRITER, "PUT", ITEMS, item("sp-1", "n2", "")));
        assertThat(updated.path("tags")).isEqualTo(fromTeam.path("tags"));
    }

    @Test
    void concurrentUpdatesWithoutVersionLoseNoComment() throws Exception {
        created("c-1", "");
        int writers = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        try {
            List<java.util.concurrent.Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String body = item("c-1", "n", ",'comments':[{'comment':'from writer " + i + "'}]");
                answers.add(pool.submit(() -> CALLS.send(WRITER, "PUT", ITEMS, body)));
            }
            for (java.util.concurrent.Future<Answer> answer : answers) {
                assertThat(answer.get().status()).as(answer.get().body()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        JsonNode item = ok(CALLS.send(READER, "GET", ITEMS + "?item_id=c-1", null));
        List<String> comments = new ArrayList<>();
        item.path("comments").forEach(c -> comments.add(c.path("comment").asText()));
        assertThat(comments).hasSize(writers);
        for (int i = 0; i < writers; i++) {
            assertThat(comments).contains("from writer " + i);
        }
    }

    @Test
    void writesNeedKbnXsrf() {
        Answer answer = CALLS.as(WRITER, "POST", ITEMS).withoutHeader("kbn-xsrf").json(j(item("x-1", "n", ""))).send();
        assertKibanaError(answer, 400, "Bad Request", "Request must contain a kbn-xsrf header.");
        assertSiemError(CALLS.send(READER, "GET", ITEMS + "?item_id=x-1", null), 404,
                "exception list item item_id: \"x-1\" does not exist");
    }

    @Test
    void itemsSurviveARestart() {
        JsonNode item = created("d-1", ",'comments':[{'comment':'kept'}]");
        server.stop();
        server.start();
        assertThat(ok(CALLS.send(READER, "GET", ITEMS + "?item_id=d-1", null))).isEqualTo(item);
        JsonNode updated = ok(CALLS.send(WRITER, "PUT", ITEMS, item("d-1", "n", ",'_version':'"
                + item.path("_version").asText() + "'")));
        assertThat(updated.path("comments")).isEqualTo(item.path("comments"));
    }
}
