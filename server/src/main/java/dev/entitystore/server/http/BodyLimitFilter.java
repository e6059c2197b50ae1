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
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Request bodies: at most {@code maxBytes} (Kibana's default is 1 MiB), refused with 413 before
 * anything is read when the length is declared, and cut off at the limit when it is not (chunked).
 * The whole body must arrive within the client timeout, else 408 (hapi's payload timeout answer) and
 * the connection is closed: a client trickling its body cannot hold a worker thread for longer.
 * A body sent without a Content-Type (or with a wildcard one) is read as JSON, as Kibana does.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 50)
public final class BodyLimitFilter implements ContainerRequestFilter {
    /** The streamed import takes bodies far over the JSON limit, spooled to a file as they arrive. */
    static final String IMPORT_PATH = "api/security/entity_store/_import";
    private static final long NO_DEADLINE = Long.MIN_VALUE;

    private final long maxBytes;
    private final long maxImportBytes;
    private final long timeoutNanos;

    public BodyLimitFilter(long maxBytes, long maxImportBytes, Duration timeout) {
        this.maxBytes = maxBytes;
        this.maxImportBytes = maxImportBytes;
        this.timeoutNanos = timeout.toNanos();
    }

    @Override
    public void filter(ContainerRequestContext request) {
        boolean isImport = "POST".equals(request.getMethod()) && IMPORT_PATH.equals(trimmed(request.getUriInfo().getPath()));
        long limit = isImport ? maxImportBytes : maxBytes;
        long declared = request.getLength();
        if (declared > limit) {
            throw tooLarge(limit);
        }
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if ((contentType == null && request.hasEntity()) || isWildcard(contentType)) {
            // A wildcard names no media type: read as JSON like a missing one (Jersey would otherwise hand
            // `*/*` to a multipart route, whose form parameters then fail with a 500).
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        } else if (contentType != null && !isMediaType(contentType)) {
            // Jersey would answer a bare 400 with no body; hapi's text for the same.
            throw HttpErrorException.badRequest("Invalid content-type header");
        }
        // An import of millions of records takes minutes to send: no whole-body deadline there (a stalled
        // client still meets the transport's read timeout).
        long deadline = isImport ? NO_DEADLINE : System.nanoTime() + timeoutNanos;
        request.setEntityStream(new LimitedInputStream(request.getEntityStream(), limit, deadline));
    }

    private static String trimmed(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    private static boolean isWildcard(String header) {
        if (header == null || !isMediaType(header)) {
            return false;
        }
        MediaType type = MediaType.valueOf(header);
        return type.isWildcardType() || type.isWildcardSubtype();
    }

    private static boolean isMediaType(String header) {
        try {
            MediaType.valueOf(header);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static HttpErrorException tooLarge(long limit) {
        return new HttpErrorException(413, "Payload content length greater than maximum allowed: " + limit);
    }

    private static HttpErrorException timedOut() {
        return new HttpErrorException(408, "Request Time-out");
    }

    /**
     * Counts what is read and refuses past the limit (413), or past the deadline (408). A read that waits
     * longer than the transport's read timeout fails in Grizzly with a timeout, which is a 408 too.
     */
    private final class LimitedInputStream extends FilterInputStream {
        private final long limit;
        private final long deadline;
        private long count;

        LimitedInputStream(InputStream in, long limit, long deadline) {
            super(in);
            this.limit = limit;
            this.deadline = deadline;
        }

        @Override
        public int read() throws IOException {
            int b = guarded(super::read);
            if (b >= 0) {
                advance(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = guarded(() -> super.read(buffer, offset, length));
            if (n > 0) {
                advance(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = guarded(() -> (int) Math.min(Integer.MAX_VALUE, super.skip(n)));
            advance(skipped);
            return skipped;
        }

        private int guarded(IoRead read) throws IOException {
            if (deadline != NO_DEADLINE && System.nanoTime() - deadline > 0) {
                throw timedOut();
            }
            try {
                return read.run();
            } catch (IOException e) {
                if (isTimeout(e)) {
                    throw timedOut();
                }
                throw e;
            }
        }

        private void advance(long n) {
            count += n;
            if (count > limit) {
                throw tooLarge(limit);
            }
        }
    }

    private static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TimeoutException || t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    @FunctionalInterface
    private interface IoRead {
        int run() throws IOException;
    }
}
