package dev.entitystore.server.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Elasticsearch's error envelope, which the user-profile routes answer in because their clients parse it:
 * {@code {"error":{"root_cause":[{"type","reason"}],"type","reason"},"status":N}}. A failure about a
 * stored profile also names the document's index, shard and index uuid, as Elasticsearch does; the index
 * is Elasticsearch's profile index name whatever the backend, and the uuid is Elasticsearch's "not
 * available" ({@code _na_}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ElasticsearchErrorBody(@JsonProperty("error") Cause error, @JsonProperty("status") int status) {
    static final String PROFILE_INDEX = ".security-profile-8";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cause(@JsonProperty("root_cause") List<Cause> rootCause, @JsonProperty("type") String type,
                        @JsonProperty("reason") String reason, @JsonProperty("index_uuid") String indexUuid,
                        @JsonProperty("shard") String shard, @JsonProperty("index") String index) {
    }

    public static ElasticsearchErrorBody of(int status, String type, String reason) {
        Cause root = new Cause(null, type, reason, null, null, null);
        return new ElasticsearchErrorBody(new Cause(List.of(root), type, reason, null, null, null), status);
    }

    /** A failure about one stored profile document. */
    public static ElasticsearchErrorBody ofDocument(int status, String type, String reason) {
        Cause root = new Cause(null, type, reason, "_na_", "0", PROFILE_INDEX);
        return new ElasticsearchErrorBody(new Cause(List.of(root), type, reason, "_na_", "0", PROFILE_INDEX), status);
    }

    /**
     * A failure the shared machinery answered in Kibana's body (a body limit, a bad content type, a missing
     * credential, a store failure), in Elasticsearch's, with the type Elasticsearch gives that status.
     */
    static ElasticsearchErrorBody translate(ErrorBody kibana, String path) {
        int status = kibana.statusCode();
        if (status == 401) {
            String reason = "Unauthorized".equals(kibana.message())
                    ? "missing authentication credentials for REST request [" + path + "]" : kibana.message();
            return of(401, "security_exception", reason);
        }
        String type = switch (status) {
            case 400 -> kibana.message().equals(JsonProcessingExceptionMapper.INVALID_JSON) ? "x_content_parse_exception"
                    : "illegal_argument_exception";
            case 403 -> "security_exception";
            case 404 -> "resource_not_found_exception";
            case 413 -> "content_too_long_exception";
            case 415 -> "media_type_header_exception";
            case 429 -> "es_rejected_execution_exception";
            case 503 -> "unavailable_shards_exception";
            default -> status >= 500 ? "exception" : "illegal_argument_exception";
        };
        return of(status, type, kibana.message());
    }

    public Response toResponse() {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(this).build();
    }
}
