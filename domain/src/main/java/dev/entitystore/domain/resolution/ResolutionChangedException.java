package dev.entitystore.domain.resolution;

import dev.entitystore.domain.error.EntityStoreException;

/**
 * A link or unlink found, at write time, a member no longer as it was checked (a concurrent link, unlink or
 * delete). Thrown from inside the store's atomic write, so nothing of the request was applied.
 */
public final class ResolutionChangedException extends EntityStoreException {
    public ResolutionChangedException(String message) {
        super(message);
    }
}
