package dev.entitystore.domain.store;

import dev.entitystore.domain.error.StoreUnavailableException;

/**
 * The store could not be opened: bad data directory, directory in use, unknown schema version, failed
 * migration. The message is one line naming the path, fit to stop start-up with.
 */
public class StoreOpenException extends StoreUnavailableException {
    public StoreOpenException(String message, Throwable cause) {
        super(message, cause);
    }
}
