package dev.entitystore.server.http;

import dev.entitystore.server.error.HttpErrorException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.util.Set;

/**
 * Kibana's XSRF rule: a request that is not GET, HEAD or OPTIONS needs a {@code kbn-xsrf} header (any
 * value, even empty) or {@code kbn-version}. Runs after route matching, as Kibana's does, so an unknown
 * route still answers 404. Elasticsearch's routes ({@link ElasticsearchRoutes}) have no such rule.
 */
@Priority(Priorities.AUTHORIZATION + 100)
public final class XsrfFilter implements ContainerRequestFilter {
    static final String MESSAGE = "Request must contain a kbn-xsrf header.";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    public void filter(ContainerRequestContext request) {
        if (SAFE.contains(request.getMethod()) || ElasticsearchRoutes.isElasticsearch(request)) {
            return;
        }
        if (request.getHeaders().containsKey("kbn-xsrf") || request.getHeaders().containsKey("kbn-version")) {
            return;
        }
        throw HttpErrorException.badRequest(MESSAGE);
    }
}
