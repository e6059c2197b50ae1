package dev.entitystore.server.error;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The security solution's error body, which Kibana's exception-list handlers answer:
 * {@code {"message":<text or list of texts>,"status_code":N}} (snake case, no {@code error}).
 */
public record SiemErrorBody(@JsonProperty("message") Object message, @JsonProperty("status_code") int statusCode) {

    public Response toResponse() {
        return Response.status(statusCode).type(MediaType.APPLICATION_JSON_TYPE).entity(this).build();
    }
}
