package dev.entitystore.server.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Anything nobody mapped: a log line with the trace, and Kibana's opaque 500 to the client. */
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
    static final String MESSAGE = "An internal server error occurred.";
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Override
    public Response toResponse(Throwable exception) {
        LOG.error("Unexpected failure while serving a request", exception);
        return ErrorBody.of(500, MESSAGE).toResponse();
    }
}
