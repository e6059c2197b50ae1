package dev.entitystore.server.history;

import static dev.entitystore.server.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.entitystore.server.HttpClientForTests;
import dev.entitystore.server.HttpClientForTests.Answer;
import dev.entitystore.server.RunningServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Versions and optimistic concurrency: {@code ETag} on the GET of one entity, on create and update and on
 * v1's upsert, {@code If-Match} on update and delete (412 in Kibana's error body when stale, nothing
 * written), {@code If-None-Match: *} on create, Elasticsearch's {@code if_seq_no}/{@code if_primary_term}
 * on update (409 {@code version_conflict_engine_exception}); requests without them behave as Kibana's.
 */
abstract class EntityVersionsHttpSuite {
    @RegisterExtension
    static RunningServer server = new RunningServer();

    static final String V2 = "/api/security/entity_store";

    @BeforeAll
    static void install() {
        Answer answer = client().post(V2 + "/install", "{}");
        assertThat(answer.status()).as(answer.body()).isIn(200, 201);
        Answer enabled = client().post("/api/entity_store/enable", "{}");
        assertThat(enabled.status()).as(enabled.body()).isEqualTo(200);
    }

    static Answer delete(String name, String ifMatch) {
        HttpClientForTests.Request request = client().request("DELETE", V2 + "/entities/")
                .json("{\"entityId\":\"host:" + name + "\"}");
        return (ifMatch == null ? request : request.header("If-Match", ifMatch)).send();
    }

    static Answer updateIfSeqNo(String name, String query) {
        return client().request("PUT", V2 + "/entities/host" + query)
                .json("{\"entity\":{\"id\":\"host:" + name + "\",\"attributes\":{\"managed\":true}}}").send();
    }

    static HttpClientForTests client() {
        return server.client();
    }

    static Answer create(String name, String ifNoneMatch) {
        HttpClientForTests.Request request = client().request("POST", V2 + "/entities/host")
                .json("{\"host\":{\"name\":\"" + name + "\"}}");
        return (ifNoneMatch == null ? request : request.header("If-None-Match", ifNoneMatch)).send();
    }

    static Answer update(String name, String managed, String ifMatch) {
        HttpClientForTests.Request request = client().request("PUT", V2 + "/entities/host")
                .json("{\"entity\":{\"id\":\"host:" + name + "\",\"attributes\":{\"managed\":" + managed + "}}}");
        return (ifMatch == null ? request : request.header("If-Match", ifMatch)).send();
    }

    static Answer get(String name) {
        return client().get(V2 + "/entities/host/host%3A" + name);
    }

    static String etag(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.header("ETag");
    }

    @Test
    void getCreateAndUpdateAnswerTheVersionAsETag() {
        assertThat(etag(create("ver-etag", null))).isEqualTo("\"1\"");
        assertThat(etag(update("ver-etag", "true", null))).isEqualTo("\"2\"");
        assertThat(etag(get("ver-etag"))).isEqualTo("\"2\"");
        assertThat(etag(update("ver-etag", "false", null))).isEqualTo("\"3\"");
        assertThat(etag(get("ver-etag"))).isEqualTo("\"3\"");
    }

    @Test
    void aStaleIfMatchIs412AndWritesNothing() {
        etag(create("ver-stale", null));
        String current = etag(update("ver-stale", "true", null));
        assertError(update("ver-stale", "false", "\"1\""), 412, "Precondition Failed",
                "Entity ID 'host:ver-stale' is at version 2, not the version the request expected (If-Match: \"1\")");
        Answer stored = get("ver-stale");
        assertThat(etag(stored)).isEqualTo(current);
        assertThat(stored.json().at("/entity/attributes/managed").asBoolean()).isTrue();
        assertThat(client().get(V2 + "/entities/host/host%3Aver-stale/history").json().path("changes")).hasSize(2);
    }

    @Test
    void aCurrentWeakOrWildcardIfMatchApplies() {
        etag(create("ver-match", null));
        assertThat(etag(update("ver-match", "true", "\"1\""))).isEqualTo("\"2\"");
        assertThat(etag(update("ver-match", "false", "W/\"2\""))).isEqualTo("\"3\"");
        assertThat(etag(update("ver-match", "true", "*"))).isEqualTo("\"4\"");
        assertThat(etag(update("ver-match", "false", "\"9\", \"4\""))).isEqualTo("\"5\"");
        assertError(update("ver-missing", "true", "*"), 404, "Not Found", "Entity ID 'host:ver-missing' not found");
    }

    @Test
    void ifNoneMatchStarMakesASecondCreate412InsteadOf409() {
        assertThat(etag(create("ver-none", "*"))).isEqualTo("\"1\"");
        assertError(create("ver-none", "*"), 412, "Precondition Failed",
                "Entity ID 'host:ver-none' already exists (version 1); the request asked for it not to (If-None-Match: *)");
        assertError(create("ver-none", null), 409, "Conflict", "Entity ID 'host:ver-none' already exists");
    }

    @Test
    void aStaleIfMatchOnDeleteIs412AndDeletesNothing() {
        etag(create("ver-del", null));
        etag(update("ver-del", "true", null));
        assertError(delete("ver-del", "\"1\""), 412, "Precondition Failed",
                "Entity ID 'host:ver-del' is at version 2, not the version the request expected (If-Match: \"1\")");
        assertThat(etag(get("ver-del"))).isEqualTo("\"2\"");
        Answer deleted = delete("ver-del", "\"2\"");
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        assertError(get("ver-del"), 404, "Not Found", "Entity ID 'host:ver-del' not found");
        assertError(delete("ver-del", "*"), 404, "Not Found", "Entity ID 'host:ver-del' not found");
    }

    @Test
    void ifSeqNoAndPrimaryTermNameTheVersionAndAStaleOneIs409WithElasticsearchsReason() {
        etag(create("ver-seq", null));
        assertThat(etag(updateIfSeqNo("ver-seq", "?if_seq_no=1&if_primary_term=1"))).isEqualTo("\"2\"");
        String id = client().get(V2 + "/entities/host/host%3Aver-seq/history").json().at("/changes/0/_id").asText();
        assertError(updateIfSeqNo("ver-seq", "?if_seq_no=1&if_primary_term=1"), 409, "Conflict",
                "version_conflict_engine_exception: [" + id + "]: version conflict, required seqNo [1], primary term [1]."
                        + " current document has seqNo [2] and primary term [1]");
        assertError(updateIfSeqNo("ver-seq", "?if_seq_no=2&if_primary_term=3"), 409, "Conflict",
                "version_conflict_engine_exception: [" + id + "]: version conflict, required seqNo [2], primary term [3]."
                        + " current document has seqNo [2] and primary term [1]");
        assertThat(etag(get("ver-seq"))).isEqualTo("\"2\"");
        assertError(updateIfSeqNo("ver-seq", "?if_seq_no=2"), 400, "Bad Request",
                "[request query]: if_seq_no and if_primary_term must be given together");
        assertThat(updateIfSeqNo("ver-seq", "?if_seq_no=-1&if_primary_term=1").status()).isEqualTo(400);
        assertError(updateIfSeqNo("ver-seq-missing", "?if_seq_no=1&if_primary_term=1"), 404, "Not Found",
                "Entity ID 'host:ver-seq-missing' not found");
    }

    @Test
    void aV1UpsertAnswersTheVersionAsETag() {
        Answer init = client().post("/api/entity_store/engines/host/init", "{}");
        assertThat(init.status()).as(init.body()).isEqualTo(200);
        String path = "/api/entity_store/entities/host";
        assertThat(etag(client().put(path, "{\"entity\":{\"id\":\"host:ver-v1\",\"attributes\":{\"managed\":false}}}")))
                .isEqualTo("\"1\"");
        assertThat(etag(client().put(path, "{\"entity\":{\"id\":\"host:ver-v1\",\"attributes\":{\"managed\":true}}}")))
                .isEqualTo("\"2\"");
        assertThat(etag(get("ver-v1"))).isEqualTo("\"2\"");
    }
}
