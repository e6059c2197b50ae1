package dev.entitystore.store.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.transport.httpclient5.ResponseException;

/**
 * An error the cluster answered, whichever way the client reports it: parsed ({@link OpenSearchException})
 * or, for statuses an endpoint does not expect (a 409 on index), as a {@link ResponseException} holding
 * the body.
 */
record ClusterError(int status, String type, String reason) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Optional<ClusterError> of(Exception e) {
        if (e instanceof OpenSearchException parsed) {
            return Optional.of(new ClusterError(parsed.status(), parsed.error().type(), parsed.error().reason()));
        }
        if (e instanceof ResponseException response) {
            JsonNode error = body(response).path("error");
            return Optional.of(new ClusterError(response.status(), error.path("type").asText("unknown"),
                    error.path("reason").isTextual() ? error.path("reason").asText() : null));
        }
        return Optional.empty();
    }

    boolean isConflict() {
        return status == 409;
    }

    boolean isIndexMissing() {
        return status == 404 && "index_not_found_exception".equals(type);
    }

    /** The client puts the answer's body in the message, after the request line. */
    private static JsonNode body(ResponseException response) {
        String message = String.valueOf(response.getMessage());
        int newline = message.indexOf('\n');
        try {
            return newline < 0 ? JSON.missingNode() : JSON.readTree(message.substring(newline + 1));
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }
}
