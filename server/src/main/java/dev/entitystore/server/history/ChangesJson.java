package dev.entitystore.server.history;

import dev.entitystore.domain.history.FeedChange;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A body that holds a list of changes ({@code {"changes":[...], ...}}), each change's JSON copied as the store
 * handed it (the embedded store's stored text), not parsed and written again.
 *
 * <p>The body is written straight into the response, change by change, with its length declared: a page is not
 * assembled into one array first (a page of 100 changes is ~170 KB, which a copy into a growing buffer and another
 * out of it made ~370 KB of garbage per page, most of what a history page allocated), and a declared length lets
 * the server send it as it is instead of in chunks.
 */
public final class ChangesJson implements StreamingOutput {
    private static final byte[] CHANGES = "{\"changes\":[".getBytes(StandardCharsets.UTF_8);
    /**
     * The most the body is gathered into before the response gets it: the response sends what it holds every 8 KB,
     * one socket write each (21 for a page of 100 written change by change, against 3 through this buffer).
     */
    private static final int GATHERED = 64 * 1024;

    /** Each change's JSON, taken once: a change read parsed (OpenSearch's) writes its JSON each time it is asked. */
    private final byte[][] changes;
    private final byte[] tail;

    private ChangesJson(byte[][] changes, byte[] tail) {
        this.changes = changes;
        this.tail = tail;
    }

    /** {@code {"changes":[<entries>]<rest>}}: {@code rest} is the body's remaining members, each after a comma. */
    public static ChangesJson of(List<FeedChange> entries, String rest) {
        byte[][] changes = new byte[entries.size()][];
        for (int i = 0; i < changes.length; i++) {
            changes[i] = entries.get(i).json();
        }
        return new ChangesJson(changes, ("]" + rest + "}").getBytes(StandardCharsets.UTF_8));
    }

    /** A 200 answer of this body as JSON, its length declared. */
    public Response answer() {
        return Response.ok(this, MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.CONTENT_LENGTH, length()).build();
    }

    /** The body's length in bytes: what {@link #write} writes. */
    public long length() {
        long length = CHANGES.length + tail.length + Math.max(0, changes.length - 1);
        for (byte[] change : changes) {
            length += change.length;
        }
        return length;
    }

    @Override
    public void write(OutputStream response) throws IOException {
        OutputStream out = new BufferedOutputStream(response, (int) Math.min(length(), GATHERED));
        out.write(CHANGES);
        for (int i = 0; i < changes.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(changes[i]);
        }
        out.write(tail);
        out.flush();
    }

    /** The body as one array (for whoever needs it whole rather than written to a response). */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) length());
        try {
            write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("an array does not fail to be written to", e);
        }
        return out.toByteArray();
    }
}
