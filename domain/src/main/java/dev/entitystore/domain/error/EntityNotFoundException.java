package dev.entitystore.domain.error;

/** The addressed entity does not exist in the space. */
public class EntityNotFoundException extends EntityStoreException {
    public EntityNotFoundException(String message) {
        super(message);
    }
}
