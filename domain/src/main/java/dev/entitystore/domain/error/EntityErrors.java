package dev.entitystore.domain.error;

/**
 * Kibana's exact texts for the entity situations outside validation, built
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

    /** An update or delete with {@code If-Match} found the entity at another version; nothing was written. */
    public static VersionMismatchException versionMismatch(String euid, String expected, long current) {
        return new VersionMismatchException("Entity ID '" + euid + "' is at version " + current
                + ", not the version the request expected (If-Match: " + expected + ")");
    }

    /** A create with {@code If-None-Match: *} found the entity stored; nothing was written. */
    public static VersionMismatchException existsAlready(String euid, long current) {
        return new VersionMismatchException("Entity ID '" + euid + "' already exists (version " + current
                + "); the request asked for it not to (If-None-Match: *)");
    }

    /** An entity route in a space whose store is not installed. */
    public static StoreNotInstalledException notInstalled() {
        return new StoreNotInstalledException(NOT_INSTALLED);
    }

    /** A v1 write to a type whose engine is not started: {@code Entity Engine '<type>' is not running}. */
    public static EngineNotRunningException engineNotRunning(String entityType) {
        return new EngineNotRunningException("Entity Engine '" + entityType + "' is not running");
    }

    /** A v1 delete found no entity with this id: {@code Entity of type '<type>' with ID '<id>' not found}. */
    public static EntityNotFoundException legacyNotFound(String entityType, String id) {
        return new EntityNotFoundException("Entity of type '" + entityType + "' with ID '" + id + "' not found");
    }

    /** A v1 delete with {@code "id":""}. */
    public static InvalidRequestException blankEntityId() {
        return new InvalidRequestException("The entity ID cannot be blank");
    }

    /**
     * A v1 engine route addressed an engine that is not installed. Kibana's text is that of its
     * saved-objects layer, which keeps one descriptor per type and space.
     */
    public static EntityNotFoundException engineNotFound(String engineType, String space) {
        return new EntityNotFoundException("Saved object [entity-engine-status/entity-engine-descriptor-"
                + engineType + "-" + space + "] not found");
    }
}
