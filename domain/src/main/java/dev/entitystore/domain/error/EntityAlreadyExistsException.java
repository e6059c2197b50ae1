package dev.entitystore.domain.error;

/** A create found an entity with the same EUID already stored. */
public class EntityAlreadyExistsException extends EntityStoreException {
    public EntityAlreadyExistsException(String message) {
        super(message);
    }
}
