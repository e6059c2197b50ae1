package dev.entitystore.server.http;

import dev.entitystore.server.error.HttpErrorException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.net.URI;

/**
 * Bounds the request target before anything else reads it: at most {@link #MAX_URI_LENGTH} characters of
 * path and query as sent (Node, under Kibana, allows 16 KiB for the request line and headers together),
 * and at most {@link #MAX_PARAMETERS} query parameters (the {@code qs} parser's default). Node answers
 * 431 with no body; we answer 414 in Kibana's body, which names the part that is too long.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
public final class QueryStringLimitFilter implements ContainerRequestFilter {
    public static final int MAX_URI_LENGTH = 16 * 1024;
    public static final int MAX_PARAMETERS = 1_000;

    @Override
    public void filter(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        String path = uri.getRawPath();
        String query = uri.getRawQuery();
        long length = (path == null ? 0 : path.length()) + (query == null ? 0 : query.length() + 1);
        if (length > MAX_URI_LENGTH) {
            throw new HttpErrorException(414, "URI length greater than maximum allowed: " + MAX_URI_LENGTH);
        }
        if (query != null && parameters(query) > MAX_PARAMETERS) {
            throw HttpErrorException.badRequest("[request query]: Too many parameters: expected at most " + MAX_PARAMETERS);
        }
    }

    private static int parameters(String query) {
        int count = 0;
        int start = 0;
        while (start <= query.length()) {
            int end = query.indexOf('&', start);
            if (end < 0) {
                end = query.length();
            }
            if (end > start) {
                count++;
            }
            start = end + 1;
        }
        return count;
    }
}
