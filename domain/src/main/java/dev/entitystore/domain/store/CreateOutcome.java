package dev.entitystore.domain.store;

/** What {@link EntityStore#create} did. */
public enum CreateOutcome {
    /** The record did not exist and was written. */
    CREATED,
    /** A record with that id already exists in the space; nothing was written. */
    ALREADY_EXISTS
}
