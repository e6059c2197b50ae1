package dev.entitystore.server.error;

import dev.entitystore.server.json.FiniteNumberNodeFactory;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** A request body number outside the double range: a 400 schema failure, nothing written. */
public final class NumberOutOfRangeExceptionMapper implements ExceptionMapper<FiniteNumberNodeFactory.NumberOutOfRangeException> {
    @Override
    public Response toResponse(FiniteNumberNodeFactory.NumberOutOfRangeException exception) {
        return ErrorBody.of(400, exception.getMessage()).toResponse();
    }
}
