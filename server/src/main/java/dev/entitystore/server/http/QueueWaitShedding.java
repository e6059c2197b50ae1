package dev.entitystore.server.http;

import dev.entitystore.domain.error.StoreBusyException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;

/**
 * Refuses an entity write that waited longer than the bound for a request thread ({@link WorkerQueueWait}):
 * 429 with {@code Retry-After}, as the store's own bound answers ({@code --max-pending-writes}), before any
 * of it is read or applied. The store's bound counts the writes it holds; this one covers the writes that
 * never reached it because every request thread was taken, so that under overload a write is answered at
 * once instead of after a wait that grows into seconds, and the queue drains at the cost of a refusal,
 * not of a write. Reads, settings and engine changes are never refused here.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 300)
public final class QueueWaitShedding implements ContainerRequestFilter {
    static final int RETRY_AFTER_SECONDS = 1;

    private final long maxWaitMillis;

    /** @param maxWaitMillis the longest wait a write is still served after; 0 turns the bound off */
    public QueueWaitShedding(long maxWaitMillis) {
        this.maxWaitMillis = maxWaitMillis;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (maxWaitMillis <= 0 || !isEntityWrite(request)) {
            return;
        }
        long waited = WorkerQueueWait.waitedMillis();
        if (waited > maxWaitMillis) {
            throw new StoreBusyException("The entity store is busy: this write waited " + waited + " ms for a request "
                    + "thread (at most " + maxWaitMillis + " ms); it was not applied. Retry after "
                    + RETRY_AFTER_SECONDS + " second.", RETRY_AFTER_SECONDS);
        }
    }

    /** A write of entity records: v2 and v1 entity routes, and the asset criticality routes. */
    static boolean isEntityWrite(ContainerRequestContext request) {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
            return false;
        }
        String path = request.getUriInfo().getRequestUri().getRawPath();
        return path != null && (path.contains("/entity_store/entities") || path.contains("/api/asset_criticality"));
    }
}
