package dev.entitystore.domain.transfer;

/** What an import line may do: create a missing entity, update a stored one, or either. */
public enum ImportMode {
    CREATE, UPDATE, UPSERT
}
