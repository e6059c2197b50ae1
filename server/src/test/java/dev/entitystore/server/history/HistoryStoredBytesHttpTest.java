package dev.entitystore.server.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.history.EntityChange;
import dev.entitystore.domain.identity.EntityIds;
import dev.entitystore.server.HttpClientForTests;
import dev.entitystore.server.HttpClientForTests.Answer;
import dev.entitystore.server.RunningServer;
import dev.entitystore.server.json.ObjectMapperFactory;
import dev.entitystore.store.embedded.sqlite.SqliteEntityStore;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The embedded store answers a history page from the stored change text: the bytes on the wire are the ones
 * the former path wrote (each stored change parsed, its {@link EntityChange#toJson} put in the page, the page
 * written by the server's mapper), for a create, updates and a delete, with values JSON escapes or that are
 * not ASCII, on full and last pages and with a {@code fields} filter.
 */
class HistoryStoredBytesHttpTest {
    @RegisterExtension
    static RunningServer server = new RunningServer();

    private static final String SPACE = "history-bytes";
    private static final String EUID = "host:h1";
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
        ok(client.put(v2 + "/entities/host?force=true", "{\"host\":{\"name\":\"h1\",\"os\":{\"name\":\"plain\"}}}"));
        ok(client.request("DELETE", v2 + "/entities/").json("{\"entityId\":\"host:h1\"}").send());
        String history = v2 + "/entities/host/host%3Ah1/history";

        Answer all = client.get(history);
        ok(all);
        assertThat(all.json().path("changes").size()).isEqualTo(5);
        assertThat(all.body()).isEqualTo(formerPage(all, "nextSearchAfter", null));

        Answer first = client.get(history + "?size=2");
        ok(first);
        assertThat(first.json().path("nextSearchAfter").isTextual()).isTrue();
        assertThat(first.body()).isEqualTo(formerPage(first, "nextSearchAfter", null));
        Answer second = client.get(history + "?size=2&searchAfter=" + first.json().path("nextSearchAfter").asText());
        ok(second);
        assertThat(second.body()).isEqualTo(formerPage(second, "nextSearchAfter", null));

        Answer fields = client.get(history + "?fields=host.os");
        ok(fields);
        assertThat(fields.json().path("changes").size()).isEqualTo(3); // the create, the os update, the delete
        assertThat(fields.body()).isEqualTo(formerPage(fields, "nextSearchAfter", "host.os"));
    }

    private static void ok(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    /**
     * What the former path answered with the same changes: the record's stored changes the answer names (by
     * seq), each parsed and written again, in a page written by the server's mapper; {@code field}, when
     * given, is checked to be touched by every change answered.
     */
    private static String formerPage(Answer answer, String cursorKey, String field) throws Exception {
        JsonNode page = answer.json();
        List<Long> seqs = new ArrayList<>();
        page.path("changes").forEach(c -> seqs.add(c.path("seq").asLong()));
        ObjectNode former = PLAIN.createObjectNode();
        ArrayNode changes = former.putArray("changes");
        String db = server.dataDir().resolve(SqliteEntityStore.DB_FILE_NAME).toString();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + db + "?mode=ro");
             PreparedStatement s = c.prepareStatement("SELECT change FROM changes WHERE space = ? AND id = ? AND seq = ?")) {
            for (long seq : seqs) {
                s.setString(1, SPACE);
                s.setString(2, EntityIds.documentId(EUID));
                s.setLong(3, seq);
                try (ResultSet rs = s.executeQuery()) {
                    assertThat(rs.next()).as("change " + seq + " of " + EUID).isTrue();
                    EntityChange change = EntityChange.fromJson((ObjectNode) PLAIN.readTree(rs.getBytes(1)), seq);
                    ObjectNode json = change.toJson();
                    if (field != null) {
                        assertThat(json.toString()).contains("\"" + field);
                    }
                    changes.add(json);
                }
            }
        }
        if (page.path(cursorKey).isNull()) {
            former.putNull(cursorKey);
        } else {
            former.put(cursorKey, page.path(cursorKey).asText());
        }
        return new String(ObjectMapperFactory.create().writeValueAsBytes(former), StandardCharsets.UTF_8);
    }
}
