package dev.entitystore.domain.error;

/** A retry arrived while the first request with its {@code Idempotency-Key} was still being served (409). */
public class IdempotentRequestInFlightException extends EntityStoreException {
    public IdempotentRequestInFlightException(String key) {
        super("A request with Idempotency-Key '" + key + "' is still being served; retry once it has been answered");
    }
}
