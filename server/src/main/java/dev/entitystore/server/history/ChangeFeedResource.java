package dev.entitystore.server.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.entitystore.api.ChangeFeedApi;
import dev.entitystore.domain.error.ChangesPrunedException;
import dev.entitystore.domain.history.ChangeFollower;
import dev.entitystore.domain.history.FeedChange;
import dev.entitystore.domain.history.FeedPage;
import dev.entitystore.server.error.DomainExceptionMapper;
import dev.entitystore.server.error.ErrorBody;
import dev.entitystore.server.http.SpaceScopedResource;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The change feed: a page of changes after a cursor (waiting for one with {@code wait}), or, to a client
 * that accepts {@code text/event-stream}, the same changes as server-sent events until it goes away. A cursor
 * before changes that retention pruned answers 410; a stream that falls behind a prune ends with an {@code error}
 * event carrying that same body.
 */
public final class ChangeFeedResource extends SpaceScopedResource implements ChangeFeedApi {
    static final MediaType EVENT_STREAM = MediaType.valueOf("text/event-stream");
    /** A comment line this often without a change keeps proxies from closing the stream and finds a client gone. */
    private static final long KEEP_ALIVE_MILLIS = 15_000;
    /** The reconnection delay, then a comment past Jersey's 8 KiB response buffer (see {@link #stream}). */
    private static final String OPENING = "retry: 1000\n:" + " ".repeat(8_192) + "\n\n";

    private static final Logger LOG = LoggerFactory.getLogger(ChangeFeedResource.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChangeFollower follower;

    public ChangeFeedResource(ChangeFollower follower) {
        this.follower = follower;
    }

    @Override
    public Response followEntityChanges(String since, Integer size, List<String> entityTypes, Integer wait,
                                        String lastEventID) {
        if (wantsEvents()) {
            ChangeFollower.Subscription subscription = follower.subscribe(
                    follower.request(space(), since, lastEventID, size, entityTypes));
            StreamingOutput events = out -> stream(subscription, out);
            return Response.ok(events, EVENT_STREAM).header("Cache-Control", "no-cache").build();
        }
        FeedPage page = follower.poll(follower.request(space(), since, null, size, entityTypes), wait == null ? 0 : wait);
        return page(page).answer();
    }

    /**
     * {@code {"changes":[...],"next":"<cursor>"}}, each change's JSON copied as the store handed it (the
     * embedded store's stored text), not parsed and written again.
     */
    static ChangesJson page(FeedPage page) {
        return ChangesJson.of(page.entries(), ",\"next\":\"" + page.through() + "\"");
    }

    /** The 410 body the JSON feed answers, as one line of an event. */
    private static String gone(ChangesPrunedException pruned) throws JsonProcessingException {
        return JSON.writeValueAsString(ErrorBody.of(410, pruned.getMessage(), DomainExceptionMapper.prunedAttributes(pruned)));
    }

    /** Events only when asked for by name: a client accepting anything gets the JSON page. */
    private boolean wantsEvents() {
        return request().getAcceptableMediaTypes().stream()
                .anyMatch(type -> !type.isWildcardType() && !type.isWildcardSubtype() && type.isCompatible(EVENT_STREAM));
    }

    /**
     * Writes the stream on the request's thread until it ends. Jersey holds a body in a buffer until 8 KiB
     * have been written (to answer a Content-Length), so the stream opens with a comment of that size: from
     * then on every flush reaches the client.
     */
    private static void stream(ChangeFollower.Subscription subscription, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        try {
            writer.write(OPENING);
            writer.flush();
            subscription.run(KEEP_ALIVE_MILLIS, new ChangeFollower.Sink() {
                @Override
                public void change(FeedChange change) throws IOException {
                    writer.write("id: " + change.seq() + "\nevent: change\ndata: " + new String(change.json(), StandardCharsets.UTF_8)
                            + "\n\n");
                }

                @Override
                public void flush() throws IOException {
                    writer.flush();
                }

                @Override
                public void idle() throws IOException {
                    writer.write(": keep-alive\n\n");
                    writer.flush();
                }
            });
        } catch (IOException gone) {
            // The client closed the stream: nothing to answer anymore.
        } catch (ChangesPrunedException pruned) {
            writer.write("event: error\ndata: " + gone(pruned) + "\n\n");
            writer.flush();
        } catch (Exception e) {
            LOG.warn("Change feed stream of space {} cut short: {}", subscription.space(), e.toString());
        }
    }
}
