package dev.entitystore.domain.error;

/** An {@code Idempotency-Key} came back, within its window, with a request other than the one it was first used for (422). */
public class IdempotencyKeyReusedException extends EntityStoreException {
    public IdempotencyKeyReusedException(String key) {
        super("Idempotency-Key '" + key + "' was already used for a different request; a new request needs a new key");
    }
}
