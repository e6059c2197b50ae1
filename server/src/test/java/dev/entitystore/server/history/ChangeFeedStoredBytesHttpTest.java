package dev.entitystore.server.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.history.EntityChange;
import dev.entitystore.server.HttpClientForTests;
import dev.entitystore.server.HttpClientForTests.Answer;
import dev.entitystore.server.RunningServer;
import dev.entitystore.server.json.ObjectMapperFactory;
import dev.entitystore.store.embedded.sqlite.SqliteEntityStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The embedded store serves the change feed's page from the stored change text: the bytes on the wire are
 * the ones the former path wrote (each stored change parsed into an {@link EntityChange}, its
 * {@link EntityChange#toJson} put in the page, the page written by the server's mapper), for creates,
 * updates, deletes and resolution links, with values JSON escapes or that are not ASCII, and with the type filter.
 */
class ChangeFeedStoredBytesHttpTest {
    @RegisterExtension
    static RunningServer server = new RunningServer();

    private static final String SPACE = "feed-bytes";
    private static final ObjectMapper PLAIN = new ObjectMapper();

    @Test
    void thePageIsByteForByteWhatParsingAndWritingEachChangeAnswered() throws Exception {
        String v2 = "/s/" + SPACE + "/api/security/entity_store";
        HttpClientForTests client = server.client();
        assertThat(client.post(v2 + "/install", "{}").status()).isIn(200, 201);
        ok(client.post(v2 + "/entities/host", "{\"host\":{\"name\":\"h1\",\"ip\":[\"10.0.0.1\"],\"os\":{\"name\":\"Łódź \\\"q\\\" \\\\ \\t é 😀\"}},"
                + "\"entity\":{\"attributes\":{\"managed\":true},\"risk\":{\"calculated_score\":1.5}}}"));
        ok(client.put(v2 + "/entities/host?force=true", "{\"entity\":{\"id\":\"host:h1\",\"attributes\":{\"managed\":false},"
                + "\"risk\":{\"calculated_score\":12345678901234.25}}}"));
        ok(client.put(v2 + "/entities/host?force=true", "{\"host\":{\"name\":\"h1\",\"ip\":[\"10.0.0.2\",\"10.0.0.3\"]}}"));
        ok(client.post(v2 + "/entities/host", "{\"host\":{\"name\":\"gone\"}}"));
        ok(client.request("DELETE", v2 + "/entities/").json("{\"entityId\":\"host:gone\"}").send());
        for (String id : new String[] {"target", "alias-1", "alias-2"}) {
            ok(client.post(v2 + "/entities/generic", "{\"entity\":{\"id\":\"" + id + "\"}}"));
        }
        ok(client.post(v2 + "/resolution/link", "{\"target_id\":\"target\",\"entity_ids\":[\"alias-1\",\"alias-2\"]}"));
        ok(client.post(v2 + "/resolution/unlink", "{\"entity_ids\":[\"alias-2\"]}"));

        Answer all = client.get(v2 + "/changes?size=1000");
        ok(all);
        assertThat(all.body()).isEqualTo(formerPage(Set.of(), all));
        JsonNode changes = all.json().path("changes");
        Set<String> ops = new TreeSet<>();
        Set<String> routes = new TreeSet<>();
        changes.forEach(c -> {
            ops.add(c.path("op").asText());
            routes.add(c.path("route").asText());
        });
        assertThat(ops).containsExactly("create", "delete", "update");
        assertThat(routes).contains("POST /api/security/entity_store/resolution/link",
                "POST /api/security/entity_store/resolution/unlink");

        Answer generic = client.get(v2 + "/changes?size=1000&entity_types=generic");
        ok(generic);
        assertThat(generic.body()).isEqualTo(formerPage(Set.of("generic"), generic));
        assertThat(generic.json().path("changes").size()).isBetween(5, changes.size() - 5);

        Answer partial = client.get(v2 + "/changes?size=2&since=" + changes.get(0).path("seq").asLong());
        ok(partial);
        assertThat(partial.json().path("changes").size()).isEqualTo(2);
        assertThat(partial.body()).isEqualTo(formerPage(Set.of(), partial));
    }

    private static void ok(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    /**
     * What the former path answered for the same read: the space's stored changes after the answer's cursor
     * (as many as it holds, of {@code types}), each parsed and written again, in a page written by the
     * server's mapper.
     */
    private static String formerPage(Set<String> types, Answer answer) throws Exception {
        JsonNode page = answer.json();
        long after = page.path("changes").isEmpty() ? Long.MAX_VALUE : page.path("changes").get(0).path("seq").asLong() - 1;
        long through = Long.parseLong(page.path("next").asText());
        ObjectNode former = PLAIN.createObjectNode();
        ArrayNode changes = former.putArray("changes");
        String db = server.dataDir().resolve(SqliteEntityStore.DB_FILE_NAME).toString();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + db + "?mode=ro");
             PreparedStatement s = c.prepareStatement("SELECT seq, change FROM changes WHERE space = ? AND seq > ? AND seq <= ?"
                     + " ORDER BY seq")) {
            s.setString(1, SPACE);
            s.setLong(2, after);
            s.setLong(3, through);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    EntityChange change = EntityChange.fromJson((ObjectNode) PLAIN.readTree(rs.getBytes(2)), rs.getLong(1));
                    if (types.isEmpty() || types.contains(change.entityType())) {
                        changes.add(change.toJson());
                    }
                }
            }
        }
        former.put("next", Long.toString(through));
        // as the server writes a body: UTF-8 straight to the stream (a character past U+FFFF escaped as a surrogate pair)
        return new String(ObjectMapperFactory.create().writeValueAsBytes(former), java.nio.charset.StandardCharsets.UTF_8);
    }
}
