package dev.entitystore.server.resolution;

/** {@link EntityMaintainersHttpSuite} on the embedded store. */
class EntityMaintainersHttpTest extends EntityMaintainersHttpSuite {
}
