package dev.entitystore.server.error;

import jakarta.ws.rs.WebApplicationException;
import java.util.Map;

/**
 * An HTTP-layer refusal with Kibana's exact text (schema failures, bad headers, size limits). Thrown
 * where a filter or resource decides, answered by {@link WebApplicationExceptionMapper}.
 */
public final class HttpErrorException extends WebApplicationException {
    private final ErrorBody body;

    public HttpErrorException(int status, String message) {
        this(ErrorBody.of(status, message));
    }

    public HttpErrorException(int status, String message, Map<String, Object> attributes) {
        this(ErrorBody.of(status, message, attributes));
    }

    private HttpErrorException(ErrorBody body) {
        super(body.message(), null, body.statusCode());
        this.body = body;
    }

    public ErrorBody body() {
        return body;
    }

    public static HttpErrorException badRequest(String message) {
        return new HttpErrorException(400, message);
    }

    /** Routes a later issue builds: an honest 501, never a fake success. */
    public static HttpErrorException notImplemented(String operation) {
        return new HttpErrorException(501, "Not implemented yet: " + operation);
    }
}
