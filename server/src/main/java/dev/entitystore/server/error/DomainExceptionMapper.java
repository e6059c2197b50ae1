package dev.entitystore.server.error;

import dev.entitystore.domain.error.BulkItemRef;
import dev.entitystore.domain.error.ChangesPrunedException;
import dev.entitystore.domain.error.EngineNotRunningException;
import dev.entitystore.domain.error.EntityAlreadyExistsException;
import dev.entitystore.domain.error.EntityNotFoundException;
import dev.entitystore.domain.error.EntityStoreException;
import dev.entitystore.domain.error.ExceptionListConflictException;
import dev.entitystore.domain.error.ExceptionListException;
import dev.entitystore.domain.error.ExceptionListItemMissingException;
import dev.entitystore.domain.error.ExceptionListRequestException;
import dev.entitystore.domain.error.FieldsNotAllowedException;
import dev.entitystore.domain.error.IdempotencyKeyReusedException;
import dev.entitystore.domain.error.IdempotentRequestInFlightException;
import dev.entitystore.domain.error.InvalidRequestException;
import dev.entitystore.domain.error.ProfileException;
import dev.entitystore.domain.error.ProfileGrantException;
import dev.entitystore.domain.error.ProfileMissingException;
import dev.entitystore.domain.error.ProfileRequestException;
import dev.entitystore.domain.error.ProfileVersionConflictException;
import dev.entitystore.domain.error.StoreBusyException;
import dev.entitystore.domain.error.StoreNotInstalledException;
import dev.entitystore.domain.error.StoreUnavailableException;
import dev.entitystore.domain.resolution.ResolutionChangedException;
import dev.entitystore.domain.resolution.rule.ResolutionRuleMissingException;
import dev.entitystore.domain.error.EntityVersionConflictException;
import dev.entitystore.domain.error.VersionMismatchException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one table from domain failures to HTTP status codes. The domain names situations; only here do
 * they become numbers. A class missing from the table is a programming error and answers 500.
 */
public final class DomainExceptionMapper implements ExceptionMapper<EntityStoreException> {
    private static final Logger LOG = LoggerFactory.getLogger(DomainExceptionMapper.class);

    private static final Map<Class<? extends EntityStoreException>, ToIntFunction<EntityStoreException>> STATUS =
            new LinkedHashMap<>();

    static {
        STATUS.put(InvalidRequestException.class, e -> 400);
        // Both generations answer fields they do not allow with 400: Kibana's v1 upsert and bulk routes both
        // map its BadCRUDRequestError to a bad request (its published page's 403 was never what it answered).
        STATUS.put(FieldsNotAllowedException.class, e -> 400);
        STATUS.put(StoreNotInstalledException.class, e -> 400);
        STATUS.put(EntityNotFoundException.class, e -> 404);
        STATUS.put(EntityAlreadyExistsException.class, e -> 409);
        // Ours: Kibana lets a concurrent change through; here the link or unlink fails whole (docs/decisions.md).
        STATUS.put(ResolutionChangedException.class, e -> 409);
        STATUS.put(ResolutionRuleMissingException.class, e -> 404);
        STATUS.put(VersionMismatchException.class, e -> 412);
        STATUS.put(EntityVersionConflictException.class, e -> 409);
        // Ours: Idempotency-Key reused for another request, or retried while its first request is served.
        STATUS.put(IdempotencyKeyReusedException.class, e -> 422);
        STATUS.put(IdempotentRequestInFlightException.class, e -> 409);
        STATUS.put(EngineNotRunningException.class, e -> 503);
        STATUS.put(StoreUnavailableException.class, e -> 503);
        STATUS.put(StoreBusyException.class, e -> 429);
        // Ours: a change-feed cursor before changes that history retention removed.
        STATUS.put(ChangesPrunedException.class, e -> 410);
        // The user-profile API (Elasticsearch's dialect).
        STATUS.put(ProfileRequestException.class, e -> 400);
        STATUS.put(ProfileGrantException.class, e -> 401);
        STATUS.put(ProfileMissingException.class, e -> 404);
        STATUS.put(ProfileVersionConflictException.class, e -> 409);
        // Kibana's exception-list handlers (the security solution's body).
        STATUS.put(ExceptionListRequestException.class, e -> 400);
        STATUS.put(ExceptionListItemMissingException.class, e -> 404);
        STATUS.put(ExceptionListConflictException.class, e -> 409);
    }

    @Override
    public Response toResponse(EntityStoreException exception) {
        Integer status = statusOf(exception);
        if (status == null) {
            LOG.error("Unmapped domain exception {}", exception.getClass().getName(), exception);
            return ErrorBody.of(500, UnexpectedExceptionMapper.MESSAGE).toResponse();
        }
        if (exception instanceof StoreUnavailableException) {
            // One line with the cause; the trace only for whoever debugs (a 503 is a state, not a bug).
            LOG.warn("503 Service Unavailable: {}", exception.getMessage());
            LOG.debug("503 Service Unavailable", exception);
        }
        if (exception instanceof ProfileException profile) {
            return (profile.documentId() != null
                    ? ElasticsearchErrorBody.ofDocument(status, profile.type(), profile.getMessage())
                    : ElasticsearchErrorBody.of(status, profile.type(), profile.getMessage())).toResponse();
        }
        if (exception instanceof ExceptionListException list) {
            return new SiemErrorBody(list.messageList() != null ? list.messageList() : list.getMessage(), status)
                    .toResponse();
        }
        if (exception instanceof InvalidRequestException invalid
                && (invalid.itemIndex().isPresent() || !invalid.details().isEmpty())) {
            Map<String, Object> attributes = new LinkedHashMap<>();
            invalid.itemIndex().ifPresent(index -> attributes.put("index", index));
            attributes.putAll(invalid.details());
            return ErrorBody.of(status, exception.getMessage(), attributes).toResponse();
        }
        if (exception instanceof StoreUnavailableException unavailable && !unavailable.items().isEmpty()) {
            return ErrorBody.of(status, exception.getMessage(), Map.of("items", namedItems(unavailable.items())))
                    .toResponse();
        }
        if (exception instanceof ChangesPrunedException pruned) {
            return ErrorBody.of(status, exception.getMessage(), prunedAttributes(pruned)).toResponse();
        }
        if (exception instanceof StoreBusyException busy) {
            return Response.fromResponse(ErrorBody.of(status, exception.getMessage()).toResponse())
                    .header("Retry-After", busy.retryAfterSeconds()).build();
        }
        return ErrorBody.of(status, exception.getMessage()).toResponse();
    }

    /** The cursor refused (absent when the request asked from the start) and the one to go on from. */
    public static Map<String, Object> prunedAttributes(ChangesPrunedException pruned) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        pruned.cursor().ifPresent(cursor -> attributes.put("cursor", cursor));
        attributes.put("oldestCursor", Long.toString(pruned.oldestCursor()));
        return attributes;
    }

    /** The bulk items a failure names: position, EUID and storage id, in request order. */
    private static List<Map<String, Object>> namedItems(List<BulkItemRef> items) {
        List<Map<String, Object>> named = new ArrayList<>(items.size());
        for (BulkItemRef item : items) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("index", item.index());
            one.put("entityId", item.euid());
            one.put("_id", item.docId());
            named.add(one);
        }
        return named;
    }

    /** The status of the nearest mapped class, so a subclass inherits its parent's row. */
    static Integer statusOf(EntityStoreException exception) {
        for (Class<?> c = exception.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            ToIntFunction<EntityStoreException> status = STATUS.get(c);
            if (status != null) {
                return status.applyAsInt(exception);
            }
        }
        return null;
    }
}
