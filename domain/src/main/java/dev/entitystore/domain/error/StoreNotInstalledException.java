package dev.entitystore.domain.error;

/** An entity route was called in a space whose store is not installed. */
public class StoreNotInstalledException extends EntityStoreException {
    public StoreNotInstalledException(String message) {
        super(message);
    }
}
