package dev.entitystore.server.exceptionlist;

import static dev.entitystore.server.exceptionlist.EndpointListCalls.ITEMS;
import static dev.entitystore.server.exceptionlist.EndpointListCalls.LIST;
import static dev.entitystore.server.exceptionlist.EndpointListCalls.assertKibanaError;
import static dev.entitystore.server.exceptionlist.EndpointListCalls.assertSiemError;
import static dev.entitystore.server.exceptionlist.EndpointListCalls.j;
import static dev.entitystore.server.exceptionlist.EndpointListCalls.node;
import static dev.entitystore.server.exceptionlist.EndpointListCalls.ok;
import static dev.entitystore.server.exceptionlist.EndpointListCalls.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.server.HttpClientForTests.Answer;
import dev.entitystore.server.RunningServer;
import dev.entitystore.server.TestCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Kibana's endpoint exception list over HTTP: every upstream scenario of its update and create tests
 * (update_exception_list_items.ts, create_exception_list_items.ts, validate_comments_to_update.test.ts)
 * by number and name, as the endpoint list's routes answer them, and persistence across a restart.
 */
abstract class EndpointListHttpSuite {
    private static final TestCredentials CREDENTIALS = TestCredentials.inTempDirectory();
    /** rules-read + exceptions-all in Kibana's terms: writes in every space. */
    static final String WRITER = CREDENTIALS.addUser("exceptions-writer", "--spaces", "*", "--write");
    /** rules-read + exceptions-read: may read the list, not change it. */
    static final String READER = CREDENTIALS.addUser("exceptions-reader", "--spaces", "default", "--read-only");
    static final String TEAM_KEY = CREDENTIALS.addKey("team-a-writer", "--spaces", "team-a", "--write");

    /** Kibana's ENTRIES mock: a nested entry and a match. */
    static final String ENTRIES = "[{'entries':[{'field':'nested.field','operator':'included','type':'match',"
            + "'value':'some value'}],'field':'some.parentField','type':'nested'},"
            + "{'field':'some.not.nested.field','operator':'included','type':'match','value':'some value'}]";

    @RegisterExtension
    static RunningServer server = new RunningServer(CREDENTIALS.environment());

    static final EndpointListCalls CALLS = new EndpointListCalls(server);

    static String item(String itemId, String name) {
        return "{" + (itemId == null ? "" : "'item_id':'" + itemId + "',") + "'name':'" + name
                + "','description':'some description','type':'simple','entries':" + ENTRIES + "}";
    }

    static JsonNode created(String itemId) {
        return ok(CALLS.send(WRITER, "POST", ITEMS, item(itemId, "some name")));
    }

    static Answer update(String body) {
        return CALLS.send(WRITER, "PUT", ITEMS, body);
    }

    /** The items whose tags include {@code tag}, through {@code _find}. */
    static JsonNode findTagged(String tag) {
        return ok(CALLS.send(WRITER, "GET", ITEMS + "/_find?filter="
                + q("exception-list-agnostic.attributes.tags:\"" + tag + "\""), null));
    }

    /** An item without the fields the server sets on every write. */
    static ObjectNode withoutWriteStamps(JsonNode item) {
        ObjectNode copy = item.deepCopy();
        copy.remove("_version");
        copy.remove("updated_at");
        copy.remove("updated_by");
        return copy;
    }

    // --- §B.7 scenarios, by upstream number and name ---

    /** 1. "should update a single exception list item property of name using an item_id". */
    @Test
    void scenario01_updateNameByItemId() {
        JsonNode before = ok(CALLS.send(WRITER, "POST", ITEMS, j("{'item_id':'b7-1','name':'some name','description':"
                + "'some description','type':'simple','tags':['b7-1'],'entries':" + ENTRIES + "}")));
        JsonNode after = ok(update("{'item_id':'b7-1','name':'some other name','description':'some description',"
                + "'type':'simple','entries':" + ENTRIES + "}"));
        assertThat(after.path("name").asText()).isEqualTo("some other name");
        JsonNode found = findTagged("b7-1");
        assertThat(found.path("total").asInt()).isEqualTo(1);
        assertThat(found.path("data").get(0).path("id")).isEqualTo(before.path("id"));
        assertThat(found.path("data").get(0).path("item_id").asText()).isEqualTo("b7-1");
        assertThat(found.path("data").get(0).path("name").asText()).isEqualTo("some other name");
    }

    /** 2. "should update a single exception list item property of name using an auto-generated id". */
    @Test
    void scenario02_updateNameById() {
        JsonNode before = created("b7-2");
        JsonNode after = ok(update("{'id':'" + before.path("id").asText() + "','name':'some other name',"
                + "'description':'some description','type':'simple','entries':" + ENTRIES + "}"));
        assertThat(after.path("id")).isEqualTo(before.path("id"));
        assertThat(after.path("item_id").asText()).isEqualTo("b7-2");
        assertThat(ok(CALLS.send(WRITER, "GET", ITEMS + "?item_id=b7-2", null)).path("name").asText())
                .isEqualTo("some other name");
    }

    /** 3. "should not remove unspecified fields in payload" (comments and tags survive an update omitting them). */
    @Test
    void scenario03_unspecifiedFieldsAreKept() {
        JsonNode before = ok(CALLS.send(WRITER, "POST", ITEMS, j("{'item_id':'b7-3','name':'some name',"
                + "'description':'some description','type':'simple','entries':" + ENTRIES + ","
                + "'tags':['keep-me'],'comments':[{'comment':'Im an old comment'}]}")));
        JsonNode after = ok(update("{'id':'" + before.path("id").asText() + "','name':'some name',"
                + "'description':'some description','type':'simple','entries':" + ENTRIES + "}"));
        assertThat(withoutWriteStamps(after)).isEqualTo(withoutWriteStamps(before));
        assertThat(after.path("comments").get(0).path("comment").asText()).isEqualTo("Im an old comment");
        assertThat(after.path("tags")).contains(node("{'t':'keep-me'}").get("t"));
    }

    /** 4. "should update a single exception list item property of name": the whole body as Kibana answers it. */
    @Test
    void scenario04_updatedItemIsTheExpectedBody() {
        JsonNode before = created("b7-4");
        JsonNode after = ok(update("{'item_id':'b7-4','name':'some other name','description':'some description',"
                + "'type':'simple','os_types':['windows'],'entries':" + ENTRIES + "}"));
        ObjectNode expected = node("{'comments':[],'description':'some description','entries':" + ENTRIES + ","
                + "'item_id':'b7-4','list_id':'endpoint_list','name':'some other name','namespace_type':'agnostic',"
                + "'os_types':['windows'],'tags':['policy:all','ownerSpaceId:default'],'type':'simple',"
                + "'created_by':'exceptions-writer','updated_by':'exceptions-writer'}");
        expected.set("id", before.path("id"));
        expected.set("created_at", before.path("created_at"));
        expected.set("tie_breaker_id", before.path("tie_breaker_id"));
        ObjectNode actual = after.deepCopy();
        actual.remove("_version");
        actual.remove("updated_at");
        assertThat(actual).isEqualTo(expected);
        assertThat(after.path("_version").asText()).isNotEqualTo(before.path("_version").asText());
    }

    /** 5. "rules-read + exceptions-all can update; rules-read + exceptions-read cannot" (lists-all). */
    @Test
    void scenario05_privileges() {
        created("b7-5");
        Answer denied = CALLS.send(READER, "PUT", ITEMS, item("b7-5", "read-only try"));
        assertKibanaError(denied, 403, "Forbidden", "API [PUT /api/endpoint_list/items] is unauthorized for user, "
                + "this action is granted by the Kibana privileges [lists-all]");
        JsonNode after = ok(update(item("b7-5", "the writer name")));
        assertThat(after.path("updated_by").asText()).isEqualTo("exceptions-writer");
        assertThat(ok(CALLS.send(READER, "GET", ITEMS + "?item_id=b7-5", null)).path("name").asText())
                .isEqualTo("the writer name");
    }

    /** 6. "should update an exception list item with an auto-generated item_id". */
    @Test
    void scenario06_updateByGeneratedItemId() {
        JsonNode before = ok(CALLS.send(WRITER, "POST", ITEMS, item(null, "generated")));
        String itemId = before.path("item_id").asText();
        assertThat(itemId).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
        JsonNode after = ok(update(item(itemId, "generated, renamed")));
        assertThat(after.path("id")).isEqualTo(before.path("id"));
        assertThat(after.path("name").asText()).isEqualTo("generated, renamed");
    }

    /** 7. "should give a 404 if it is given a fake id". */
    @Test
    void scenario07_fakeId() {
        assertSiemError(update("{'id':'5096dec6-b6b9-4d8d-8f93-6c2602079d9d','name':'x','description':'',"
                + "'type':'simple','entries':[]}"), 404, "list item id: \"5096dec6-b6b9-4d8d-8f93-6c2602079d9d\" not found");
    }

    /** 8. "should give a 404 if it is given a fake item_id". */
    @Test
    void scenario08_fakeItemId() {
        assertSiemError(update(item("fake-item-id", "x")), 404, "list item item_id: \"fake-item-id\" not found");
    }

    /** 9. "should give a 404 if the id or item_id is not given" (the endpoint route's wording). */
    @Test
    void scenario09_neitherIdNorItemId() {
        assertSiemError(update(item(null, "x")), 404, "list item item_id: \"undefined\" not found");
    }

    /** 10. validate_comments_to_update: comments with ids are kept as stored, new ones appended. */
    @Test
    void scenario10_commentsAreAppendOnly() {
        JsonNode before = ok(CALLS.send(WRITER, "POST", ITEMS, j("{'item_id':'b7-10','name':'n','description':'d',"
                + "'type':'simple','entries':" + ENTRIES + ",'comments':[{'comment':'first'}]}")));
        String firstId = before.path("comments").get(0).path("id").asText();
        JsonNode once = ok(update("{'item_id':'b7-10','name':'n','description':'d','type':'simple','entries':"
                + ENTRIES + ",'comments':[{'id':'" + firstId + "','comment':'edited?'},{'comment':'second'}]}"));
        assertThat(once.path("comments")).hasSize(2);
        assertThat(once.path("comments").get(0)).isEqualTo(before.path("comments").get(0));
        assertThat(once.path("comments").get(1).path("comment").asText()).isEqualTo("second");
        assertThat(once.path("comments").get(1).path("created_by").asText()).isEqualTo("exceptions-writer");
        // Out of order ({id}, {new}, {id}) is refused on the generic route only; the endpoint route appends.
        JsonNode twice = ok(update("{'item_id':'b7-10','name':'n','description':'d','type':'simple','entries':"
                + ENTRIES + ",'comments':[{'id':'1','comment':'a'},{'comment':'third'},{'id':'2','comment':'b'}]}"));
        assertThat(twice.path("comments")).hasSize(3);
        assertThat(twice.path("comments").get(2).path("comment").asText()).isEqualTo("third");
        // Omitting comments keeps them all.
        assertThat(ok(update(item("b7-10", "n"))).path("comments")).isEqualTo(twice.path("comments"));
    }

    /** 11. "POST /api/endpoint_list" creates the list; calling again answers {}. */
    @Test
    void scenario11_createEndpointListIsIdempotent() {
        Answer first = CALLS.send(WRITER, "POST", LIST, null);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        if (!first.json().isEmpty()) {
            // this suite's first call: the list as created
            assertThat(first.json().path("id").asText()).isEqualTo("endpoint_list");
            assertThat(first.json().path("list_id").asText()).isEqualTo("endpoint_list");
            assertThat(first.json().path("namespace_type").asText()).isEqualTo("agnostic");
            assertThat(first.json().path("type").asText()).isEqualTo("endpoint");
            assertThat(first.json().path("name").asText()).isEqualTo("Endpoint Security Exception List");
        }
        Answer again = CALLS.send(WRITER, "POST", LIST, null);
        assertThat(ok(again)).isEqualTo(node("{}"));
    }

    /** 12. Creating an endpoint item whose item_id exists → 409. */
    @Test
    void scenario12_createExistingItemIdConflicts() {
        created("b7-12");
        assertSiemError(CALLS.send(WRITER, "POST", ITEMS, item("b7-12", "again")), 409,
                "exception list item id: \"b7-12\" already exists");
    }
}
