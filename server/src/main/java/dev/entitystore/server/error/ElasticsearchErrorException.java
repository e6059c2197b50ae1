package dev.entitystore.server.error;

import jakarta.ws.rs.WebApplicationException;

/** A refusal on an Elasticsearch-dialect route, with Elasticsearch's type and text (e.g. a profile privilege's 403). */
public final class ElasticsearchErrorException extends WebApplicationException {
    private final ElasticsearchErrorBody body;

    public ElasticsearchErrorException(int status, String type, String reason) {
        super(reason, null, status);
        this.body = ElasticsearchErrorBody.of(status, type, reason);
    }

    public ElasticsearchErrorBody body() {
        return body;
    }
}
