package dev.entitystore.server.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * Kibana's error envelope: {@code {"statusCode":N,"error":"<reason phrase>","message":"..."}}, with an
 * optional {@code attributes} object (Kibana's Boom envelope allows it; we use it to name a bulk item).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(int statusCode, String error, String message, Map<String, Object> attributes) {

    public static ErrorBody of(int status, String message) {
        return new ErrorBody(status, reasonPhrase(status), message, null);
    }

    public static ErrorBody of(int status, String message, Map<String, Object> attributes) {
        return new ErrorBody(status, reasonPhrase(status), message, attributes);
    }

    /** The JSON response carrying this body. */
    public Response toResponse() {
        Response.ResponseBuilder response = Response.status(statusCode)
                .type(jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE)
                .entity(this);
        if (statusCode == 408) {
            // The rest of a timed-out body may still come: the connection cannot carry another request.
            response.header("Connection", "close");
        }
        return response.build();
    }

    /** The phrase Kibana (Boom) puts in {@code error}; the JAX-RS table words some of them otherwise (408, 413, 414) or lacks them (422). */
    static String reasonPhrase(int status) {
        return switch (status) {
            case 408 -> "Request Time-out";
            case 413 -> "Request Entity Too Large";
            case 414 -> "Request-URI Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too Many Requests";
            default -> {
                Response.Status known = Response.Status.fromStatusCode(status);
                yield known != null ? known.getReasonPhrase() : "Error";
            }
        };
    }
}
