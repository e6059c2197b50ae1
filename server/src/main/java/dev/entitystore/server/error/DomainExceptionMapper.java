package dev.entitystore.server.error;

import dev.entitystore.domain.error.EngineNotRunningException;
import dev.entitystore.domain.error.EntityAlreadyExistsException;
import dev.entitystore.domain.error.EntityNotFoundException;
import dev.entitystore.domain.error.EntityStoreException;
import dev.entitystore.domain.error.InvalidRequestException;
import dev.entitystore.domain.error.StoreNotInstalledException;
import dev.entitystore.domain.error.StoreUnavailableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one table from domain failures to HTTP status codes. The domain names situations; only here do
 * they become numbers. A class missing from the table is a programming error and answers 500.
 */
public final class DomainExceptionMapper implements ExceptionMapper<EntityStoreException> {
    private static final Logger LOG = LoggerFactory.getLogger(DomainExceptionMapper.class);

    private static final Map<Class<? extends EntityStoreException>, Integer> STATUS = new LinkedHashMap<>();

    static {
        STATUS.put(InvalidRequestException.class, 400);
        STATUS.put(StoreNotInstalledException.class, 400);
        STATUS.put(EntityNotFoundException.class, 404);
        STATUS.put(EntityAlreadyExistsException.class, 409);
        STATUS.put(EngineNotRunningException.class, 503);
        STATUS.put(StoreUnavailableException.class, 503);
    }

    @Override
    public Response toResponse(EntityStoreException exception) {
        Integer status = statusOf(exception.getClass());
        if (status == null) {
            LOG.error("Unmapped domain exception {}", exception.getClass().getName(), exception);
            return ErrorBody.of(500, UnexpectedExceptionMapper.MESSAGE).toResponse();
        }
        if (exception instanceof StoreUnavailableException) {
            LOG.error("Store unavailable", exception);
        }
        if (exception instanceof InvalidRequestException invalid && invalid.itemIndex().isPresent()) {
            return ErrorBody.of(status, exception.getMessage(), Map.of("index", invalid.itemIndex().getAsInt()))
                    .toResponse();
        }
        return ErrorBody.of(status, exception.getMessage()).toResponse();
    }

    /** The status of the nearest mapped superclass, so a subclass inherits its parent's row. */
    static Integer statusOf(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Integer status = STATUS.get(c);
            if (status != null) {
                return status;
            }
        }
        return null;
    }
}
