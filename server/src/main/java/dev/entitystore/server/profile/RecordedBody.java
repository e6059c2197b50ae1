package dev.entitystore.server.profile;

import dev.entitystore.server.http.ElasticsearchRoutes;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Keeps a copy of the body of an Elasticsearch-route request as it is read, so that a refusal of its
 * parser can say where in the text it stopped ({@link JsonPositions}): the body reaches the resource as a
 * tree, which has no positions. Those bodies are small (within the body limit, which reads them first).
 */
@Priority(Priorities.ENTITY_CODER)
public final class RecordedBody implements ContainerRequestFilter {
    private static final String PROPERTY = RecordedBody.class.getName();

    @Override
    public void filter(ContainerRequestContext request) {
        // The path first: hasEntity() peeks at the stream, which the access log's byte count would see.
        if (ElasticsearchRoutes.isElasticsearch(request) && request.hasEntity()) {
            Recording recording = new Recording(request.getEntityStream());
            request.setEntityStream(recording);
            request.setProperty(PROPERTY, recording);
        }
    }

    /** The bytes of the body read so far, if it was recorded. */
    static Optional<byte[]> of(ContainerRequestContext request) {
        return request.getProperty(PROPERTY) instanceof Recording recording
                ? Optional.of(recording.copy.toByteArray()) : Optional.empty();
    }

    /** Bytes read again after a {@code reset} (Jersey peeks at a body) are kept once. */
    private static final class Recording extends FilterInputStream {
        private final Copy copy = new Copy();
        private int marked;

        Recording(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                copy.write(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                copy.write(buffer, offset, n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] skipped = new byte[(int) Math.min(n, 8192)];
            int read = read(skipped, 0, skipped.length);
            return Math.max(0, read);
        }

        @Override
        public synchronized void mark(int readLimit) {
            super.mark(readLimit);
            marked = copy.size();
        }

        @Override
        public synchronized void reset() throws IOException {
            super.reset();
            copy.truncate(marked);
        }
    }

    private static final class Copy extends ByteArrayOutputStream {
        void truncate(int size) {
            count = size;
        }
    }
}
