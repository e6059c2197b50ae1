package dev.entitystore.server.v2;

/** {@link NewestInstallBodiesHttpSuite} on the embedded store. */
class NewestInstallBodiesHttpTest extends NewestInstallBodiesHttpSuite {
}
