package dev.entitystore.server.http;

import dev.entitystore.server.error.HttpErrorException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Request bodies: at most {@code maxBytes} (Kibana's default is 1 MiB), refused with 413 before
 * anything is read when the length is declared, and cut off at the limit when it is not (chunked).
 * A body sent without a Content-Type is read as JSON, as Kibana does.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 50)
public final class BodyLimitFilter implements ContainerRequestFilter {
    private final long maxBytes;

    public BodyLimitFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        int declared = request.getLength();
        if (declared > maxBytes) {
            throw tooLarge();
        }
        if (request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null && request.hasEntity()) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
        request.setEntityStream(new LimitedInputStream(request.getEntityStream(), maxBytes));
    }

    private HttpErrorException tooLarge() {
        return new HttpErrorException(413, "Payload content length greater than maximum allowed: " + maxBytes);
    }

    /** Counts what is read and refuses past the limit; the refusal surfaces as the 413 answer. */
    private final class LimitedInputStream extends FilterInputStream {
        private final long limit;
        private long count;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                advance(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                advance(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            advance(skipped);
            return skipped;
        }

        private void advance(long n) {
            count += n;
            if (count > limit) {
                throw tooLarge();
            }
        }
    }
}
