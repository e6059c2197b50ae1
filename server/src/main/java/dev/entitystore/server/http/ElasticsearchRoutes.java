package dev.entitystore.server.http;

import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * The routes that speak Elasticsearch's dialect rather than Kibana's (the user-profile and has-privileges APIs under
 * {@code /_security/}): no {@code kbn-xsrf}, no spaces, no API versions, Elasticsearch's error body and
 * query-parameter texts.
 */
public final class ElasticsearchRoutes {
    private ElasticsearchRoutes() {
    }

    public static boolean isElasticsearch(ContainerRequestContext request) {
        return isElasticsearchPath(request.getUriInfo().getPath(false));
    }

    /** {@code path} with or without its leading slash. */
    public static boolean isElasticsearchPath(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.startsWith("_security/");
    }
}
