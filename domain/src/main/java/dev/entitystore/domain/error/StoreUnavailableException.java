package dev.entitystore.domain.error;

import java.util.List;

/**
 * The storage backend failed or went away; nothing of the failed operation was applied (for a bulk on a
 * backend that cannot make it atomic, the message says what was). When the failure concerns items of a
 * bulk, {@link #items()} names them by position and EUID.
 */
public class StoreUnavailableException extends EntityStoreException {
    private final List<BulkItemRef> items;

    public StoreUnavailableException(String message, Throwable cause) {
        this(message, cause, List.of());
    }

    public StoreUnavailableException(String message, Throwable cause, List<BulkItemRef> items) {
        super(message, cause);
        this.items = List.copyOf(items);
    }

    /** The bulk items the message names, in request order; empty when it names none. */
    public List<BulkItemRef> items() {
        return items;
    }
}
