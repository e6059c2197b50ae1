package dev.entitystore.server.privileges;

/** {@link CheckPrivilegesHttpSuite} on the embedded store. */
class CheckPrivilegesHttpTest extends CheckPrivilegesHttpSuite {
}
