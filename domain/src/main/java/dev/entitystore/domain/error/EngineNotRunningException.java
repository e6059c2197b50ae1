package dev.entitystore.domain.error;

/** A legacy (v1) write needs the entity type's engine to be started, and it is not. */
public class EngineNotRunningException extends EntityStoreException {
    public EngineNotRunningException(String message) {
        super(message);
    }
}
