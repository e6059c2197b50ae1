package dev.entitystore.server.observe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonLogLineTest {
    @Test
    void writes_the_fields_in_order_escaped_with_nulls_and_numbers() throws Exception {
        String line = new JsonLogLine()
                .field("route", "/api/\"x\"\n")
                .field("space", (String) null)
                .field("status", 201)
                .field("durationMs", 1.5)
                .end();

        assertThat(line).isEqualTo("{\"route\":\"/api/\\\"x\\\"\\n\",\"space\":null,\"status\":201,\"durationMs\":1.5}");
        JsonNode parsed = new ObjectMapper().readTree(line);
        assertThat(parsed.get("route").asText()).isEqualTo("/api/\"x\"\n");
    }
}
