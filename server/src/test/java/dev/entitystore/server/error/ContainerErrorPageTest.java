package dev.entitystore.server.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ContainerErrorPageTest {
    @Test
    void aFailureOutsideTheApplicationIsKibanasOpaque500WithoutTheException() throws Exception {
        String page = new ContainerErrorPage().generate(null, 500, "Internal Server Error", "boom",
                new UnsupportedOperationException("secret detail"));
        assertThat(new ObjectMapper().readTree(page).toString())
                .isEqualTo("{\"statusCode\":500,\"error\":\"Internal Server Error\",\"message\":\"An internal server error occurred.\"}");
        assertThat(page).doesNotContain("secret").doesNotContain("Exception").doesNotContain("at ");
    }

    @Test
    void otherStatusesNameTheirReason() throws Exception {
        assertThat(new ObjectMapper().readTree(new ContainerErrorPage().generate(null, 400, "Bad Request", null, null)).path("message").asText())
                .isEqualTo("Bad Request");
    }
}
