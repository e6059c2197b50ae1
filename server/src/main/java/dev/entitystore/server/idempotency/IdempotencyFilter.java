package dev.entitystore.server.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.entitystore.domain.error.EntityStoreException;
import dev.entitystore.domain.idempotency.IdempotencyKey;
import dev.entitystore.domain.idempotency.IdempotentRequests;
import dev.entitystore.domain.idempotency.KeyedWrite;
import dev.entitystore.domain.idempotency.RecordedAnswer;
import dev.entitystore.server.auth.Principal;
import dev.entitystore.server.error.ErrorBody;
import dev.entitystore.server.http.RequestSpace;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code Idempotency-Key} on the routes that declare it ({@link IdempotentRoutes}): before the route runs, the
 * key is taken for this request or its recorded answer is given again ({@code Idempotent-Replayed: true}); after,
 * a success is recorded before it goes out, and anything else gives the key back (nothing was applied, so a
 * retry runs again). Runs after authentication, the space prefix and the content checks, on the body's bytes
 * as sent.
 *
 * <p>While the route runs, the request's {@link KeyedWrite} is bound to its thread: a store that records the
 * answer in the write's own transaction (the embedded one) does, and that recorded answer is what goes out.
 * Otherwise (OpenSearch) the answer is recorded after the write committed and before the client hears of it:
 * a server that dies in between leaves a write applied whose key holds no answer, but that write was never
 * acknowledged. If the answer cannot be recorded, the client gets a 503 saying so instead of the success.
 */
@Priority(Priorities.HEADER_DECORATOR + 100)
public final class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final String HELD = "entitystore.idempotencyKey";
    private static final String KEYED = "entitystore.keyedWrite";
    /** The headers of an answer that a replay gives again (the body's type is always given). */
    private static final String[] REPLAYED_HEADERS = {HttpHeaders.ETAG};
    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final IdempotentRequests requests;
    private final ObjectMapper mapper;

    public IdempotencyFilter(IdempotentRequests requests, ObjectMapper mapper) {
        this.requests = requests;
        this.mapper = mapper;
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String key = request.getHeaderString(HEADER);
        if (key == null) {
            return;
        }
        IdempotentRequests.checkKey(key);
        byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
        request.setEntityStream(new ByteArrayInputStream(body));
        String fingerprint = IdempotentRequests.fingerprint(request.getMethod(), request.getUriInfo().getPath(),
                request.getUriInfo().getRequestUri().getRawQuery(), body);
        IdempotencyKey idempotencyKey = new IdempotencyKey(RequestSpace.of(request), caller(request), key);
        IdempotentRequests.Start start = requests.begin(idempotencyKey, fingerprint);
        if (start instanceof IdempotentRequests.Replay replay) {
            request.abortWith(replayOf(replay.answer()));
        } else if (start instanceof IdempotentRequests.Held held) {
            request.setProperty(HELD, held);
            KeyedWrite write = new KeyedWrite(held.key(), held.pending(), answer -> recordOf((Response) answer));
            request.setProperty(KEYED, new Keyed(write, KeyedWrite.bind(write)));
        }
    }

    /** The request's {@link KeyedWrite} and its binding to the serving thread. */
    private record Keyed(KeyedWrite write, KeyedWrite.Scope scope) {
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
        if (!(request.getProperty(HELD) instanceof IdempotentRequests.Held held)) {
            return;
        }
        request.removeProperty(HELD);
        Optional<RecordedAnswer> recordedWithWrite = Optional.empty();
        if (request.getProperty(KEYED) instanceof Keyed keyed) {
            request.removeProperty(KEYED);
            keyed.scope().close();
            recordedWithWrite = keyed.write().recorded();
        }
        boolean success = response.getStatusInfo().getFamily() == Response.Status.Family.SUCCESSFUL;
        if (recordedWithWrite.isPresent()) {
            answerAsRecorded(held, recordedWithWrite.get(), success, response);
            return;
        }
        if (!success) {
            giveBack(held);
            return;
        }
        MediaType type = response.getMediaType() == null ? MediaType.APPLICATION_JSON_TYPE : response.getMediaType();
        byte[] body = response.getEntity() instanceof byte[] bytes ? bytes : mapper.writeValueAsBytes(response.getEntity());
        try {
            requests.record(held, new RecordedAnswer(response.getStatus(), recordedHeaders(type, response::getHeaderString), body));
            response.setEntity(body, response.getEntityAnnotations(), type);
        } catch (EntityStoreException e) {
            LOG.warn("503 Service Unavailable: {}", e.getMessage());
            for (String name : REPLAYED_HEADERS) {
                response.getHeaders().remove(name);
            }
            response.setStatus(503);
            response.setEntity(ErrorBody.of(503, "The write was applied, but its Idempotency-Key could not be recorded ("
                    + e.getMessage() + "): a retry with this key would apply it again"), response.getEntityAnnotations(),
                    MediaType.APPLICATION_JSON_TYPE);
        }
    }

    /**
     * The store recorded the answer in the write's own transaction: the client gets exactly those bytes, as its
     * retries will. A failure answered after that write committed (none is known) keeps the recorded answer:
     * the write was applied, and a retry gets its success.
     */
    private void answerAsRecorded(IdempotentRequests.Held held, RecordedAnswer answer, boolean success,
                                  ContainerResponseContext response) {
        requests.recordedWithWrite(held);
        if (!success) {
            LOG.warn("a request answered {} after its write and Idempotency-Key answer were stored; retries get the"
                    + " stored answer ({})", response.getStatus(), answer.status());
            return;
        }
        response.setStatus(answer.status());
        answer.headers().forEach((name, value) -> {
            if (!HttpHeaders.CONTENT_TYPE.equals(name)) {
                response.getHeaders().putSingle(name, value);
            }
        });
        response.setEntity(answer.body(), response.getEntityAnnotations(),
                MediaType.valueOf(answer.headers().getOrDefault(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON)));
    }

    /** What a route's answer is recorded as: its status, body bytes, {@code Content-Type} and {@link #REPLAYED_HEADERS}. */
    private RecordedAnswer recordOf(Response answer) {
        MediaType type = answer.getMediaType() == null ? MediaType.APPLICATION_JSON_TYPE : answer.getMediaType();
        try {
            byte[] body = answer.getEntity() instanceof byte[] bytes ? bytes : mapper.writeValueAsBytes(answer.getEntity());
            return new RecordedAnswer(answer.getStatus(), recordedHeaders(type, answer::getHeaderString), body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the answer's body could not be written: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> recordedHeaders(MediaType type, Function<String, String> header) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(HttpHeaders.CONTENT_TYPE, type.toString());
        for (String name : REPLAYED_HEADERS) {
            String value = header.apply(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        return headers;
    }

    private void giveBack(IdempotentRequests.Held held) {
        try {
            requests.abandon(held);
        } catch (EntityStoreException e) {
            LOG.warn("An Idempotency-Key whose request failed could not be given back; retries with it answer 409 until"
                    + " its lease of {} ends: {}", IdempotentRequests.PENDING_LEASE, e.getMessage());
        }
    }

    /** Keys are per credential: {@code <kind>:<id>}, or {@code anonymous} when the server runs without credentials. */
    private static String caller(ContainerRequestContext request) {
        Principal principal = Principal.of(request);
        return principal == null ? "anonymous" : principal.credential().kind().json() + ":" + principal.credential().id();
    }

    private static Response replayOf(RecordedAnswer answer) {
        Response.ResponseBuilder replay = Response.status(answer.status()).entity(answer.body()).header(REPLAYED, "true");
        answer.headers().forEach(replay::header);
        return replay.build();
    }
}
