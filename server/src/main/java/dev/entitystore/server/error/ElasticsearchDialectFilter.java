package dev.entitystore.server.error;

import dev.entitystore.server.http.ElasticsearchRoutes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * On the Elasticsearch-dialect routes, whatever the shared machinery answered in Kibana's error body
 * (authentication, body limits, media types, unexpected failures) leaves in Elasticsearch's instead, so
 * a client of those routes always parses one shape.
 */
public final class ElasticsearchDialectFilter implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof ErrorBody kibana && ElasticsearchRoutes.isElasticsearch(request)) {
            response.setEntity(ElasticsearchErrorBody.translate(kibana, "/" + request.getUriInfo().getPath(false)));
        }
    }
}
