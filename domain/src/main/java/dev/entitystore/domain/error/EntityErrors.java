package dev.entitystore.domain.error;

/**
 * Kibana's exact texts for the entity situations outside validation (spec §2.1–2.4, §4.2, §13.2), built
 * in one place so that every use case and adapter words them the same.
 */
public final class EntityErrors {
    static final String NOT_INSTALLED = "Entity Store is not installed. Install it via POST "
            + "/api/security/entity_store/install or from the Security Entity Store page, then retry.";

    private EntityErrors() {
    }

    /** A v2 update or delete addressed an entity that is not stored: {@code Entity ID '<id>' not found}. */
    public static EntityNotFoundException notFound(String euid) {
        return new EntityNotFoundException("Entity ID '" + euid + "' not found");
    }

    /** A v2 create found the EUID taken: {@code Entity ID '<id>' already exists}. */
    public static EntityAlreadyExistsException alreadyExists(String euid) {
        return new EntityAlreadyExistsException("Entity ID '" + euid + "' already exists");
    }

    /** An entity route in a space whose store is not installed. */
    public static StoreNotInstalledException notInstalled() {
        return new StoreNotInstalledException(NOT_INSTALLED);
    }

    /** A v1 write to a type whose engine is not started: {@code Entity Engine '<type>' is not running}. */
    public static EngineNotRunningException engineNotRunning(String entityType) {
        return new EngineNotRunningException("Entity Engine '" + entityType + "' is not running");
    }
}
