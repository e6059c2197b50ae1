package dev.entitystore.domain.list;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link InspectLiteral} writes exactly what a JSON writer writes for {@link JsStringify#pretty}'s text. */
class InspectLiteralTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void the_literal_is_the_pretty_text_as_a_json_writer_escapes_it() throws Exception {
        for (String json : new String[] {
                "{}", "[]", "\"plain\"", "1", "1.0", "1.5", "-0.25", "1e300", "true", "null",
                "{\"a\":[],\"b\":{},\"c\":[1,2.0,{\"d\":null}],\"e\":\"x\"}",
                "{\"q\\\"uote\":\"a\\\"b\\\\c/d\",\"ctl\":\"\\u0001\\u001f\\b\\f\\n\\r\\t\\u007f\"}",
                "{\"u\":\"caf\\u00e9 \\u2603 \\ud83d\\ude00 \\u0800 \\u07ff\",\"k\\u00e9y\":[\"\\u0000\"]}",
                "{\"deep\":{\"er\":{\"est\":[[[\"x\"]]]}}}"}) {
            JsonNode node = JSON.readTree(json);
            assertThat(written(node)).as(json).isEqualTo(JSON.writeValueAsString(JsStringify.pretty(node)));
        }
    }

    @Test
    void random_records_match_too() throws Exception {
        Random random = new Random(7);
        for (int n = 0; n < 200; n++) {
            ObjectNode record = JSON.createObjectNode();
            for (int f = 0; f < 12; f++) {
                StringBuilder value = new StringBuilder();
                for (int c = 0; c < 20; c++) {
                    value.append((char) (random.nextInt(10) == 0 ? random.nextInt(0x3000) : 0x20 + random.nextInt(0x5f)));
                }
                record.putObject("o" + f).put("s" + value.charAt(0), value.toString()).putArray("a").add(random.nextDouble()).add(f);
            }
            assertThat(written(record)).isEqualTo(JSON.writeValueAsString(JsStringify.pretty(record)));
        }
    }

    @Test
    void in_an_answer_it_reads_back_as_the_pretty_text() throws Exception {
        JsonNode node = JSON.readTree("{\"hits\":{\"hits\":[{\"_source\":{\"n\":\"a\\\"b\"}}]}}");
        ObjectNode answer = JSON.createObjectNode();
        answer.putArray("response").add(InspectLiteral.of(node));
        String body = JSON.writeValueAsString(answer);
        assertThat(JSON.readTree(body).at("/response/0").asText()).isEqualTo(JsStringify.pretty(node));
    }

    @Test
    void a_utf8_answer_carries_the_same_bytes_whatever_room_was_guessed() throws Exception {
        JsonNode node = JSON.readTree("{\"hits\":[{\"_source\":{\"n\":\"a\\\"b\",\"u\":\"caf\\u00e9 \\ud83d\\ude00\"},"
                + "\"sort\":[1,2.5]},{\"_source\":{\"deep\":{\"er\":[[\"x\"],{}]}}}]}");
        ObjectNode expected = JSON.createObjectNode();
        expected.putArray("response").add(JsStringify.pretty(node)).add(JsStringify.pretty(node));
        for (int room : new int[] {0, 1, 64, 100_000}) {
            ObjectNode answer = JSON.createObjectNode();
            // Two in one array: the writer puts the separator between them itself.
            answer.putArray("response").add(InspectLiteral.of(node, room)).add(InspectLiteral.of(node, room));
            assertThat(new String(JSON.writeValueAsBytes(answer), java.nio.charset.StandardCharsets.UTF_8))
                    .as("room %d", room).isEqualTo(JSON.writeValueAsString(expected));
        }
    }

    /** As the answer's writer writes the node: the raw literal, byte for byte. */
    private static String written(JsonNode node) throws Exception {
        return JSON.writeValueAsString(InspectLiteral.of(node));
    }
}
