package dev.entitystore.server.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.glassfish.jersey.server.ParamException;

/**
 * A path or query value JAX-RS could not convert (an unknown entity type, {@code page=abc}). JAX-RS
 * answers 404 for these; Kibana answers 400 in its schema form.
 */
public final class ParamExceptionMapper implements ExceptionMapper<ParamException> {
    @Override
    public Response toResponse(ParamException exception) {
        String location = exception instanceof ParamException.PathParamException ? "request params"
                : exception instanceof ParamException.QueryParamException ? "request query"
                : exception instanceof ParamException.HeaderParamException ? "request headers"
                : "request";
        return ErrorBody.of(400, "[" + location + "]: " + exception.getParameterName() + ": Invalid input").toResponse();
    }
}
