package dev.entitystore.server.profile;

/** {@link HasPrivilegesHttpSuite} on the embedded store. */
class HasPrivilegesHttpTest extends HasPrivilegesHttpSuite {
}
