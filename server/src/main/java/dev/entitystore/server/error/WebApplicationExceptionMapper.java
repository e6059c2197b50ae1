package dev.entitystore.server.error;

import dev.entitystore.server.http.ElasticsearchRoutes;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.glassfish.jersey.server.ContainerRequest;
import org.slf4j.LoggerFactory;

/**
 * JAX-RS's own failures (no route, wrong media type, a filter's abort) in Kibana's envelope. Kibana's
 * router answers 404 for a known path with another method, so 405 becomes 404 here. Under Elasticsearch's
 * routes no route is Elasticsearch's answer instead ({@link ElasticsearchRoutingErrors}).
 */
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    private static final Logger LOG = LoggerFactory.getLogger(WebApplicationExceptionMapper.class);

    @Inject
    private Provider<ContainerRequest> request;

    @Override
    public Response toResponse(WebApplicationException exception) {
        if (exception instanceof HttpErrorException httpError) {
            return httpError.body().toResponse();
        }
        if (exception instanceof ElasticsearchErrorException elasticsearch) {
            return elasticsearch.body().toResponse();
        }
        if (exception instanceof NotFoundException || exception instanceof NotAllowedException) {
            ContainerRequest current = request.get();
            if (ElasticsearchRoutes.isElasticsearch(current)) {
                return exception instanceof NotAllowedException notAllowed
                        ? ElasticsearchRoutingErrors.wrongMethod(current.getRequestUri(), current.getMethod(), notAllowed)
                        : ElasticsearchRoutingErrors.noHandler(current.getRequestUri(), current.getMethod());
            }
        }
        int status = exception instanceof NotAllowedException ? 404 : exception.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed inside the HTTP layer", exception);
            return ErrorBody.of(500, UnexpectedExceptionMapper.MESSAGE).toResponse();
        }
        return ErrorBody.of(status, ErrorBody.reasonPhrase(status)).toResponse();
    }
}
