package dev.entitystore.domain.error;

/** An update with {@code if_seq_no} / {@code if_primary_term} found the entity at another version (409). */
public class EntityVersionConflictException extends EntityStoreException {
    public EntityVersionConflictException(String message) {
        super(message);
    }
}
