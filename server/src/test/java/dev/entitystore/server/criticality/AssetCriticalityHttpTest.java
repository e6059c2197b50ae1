package dev.entitystore.server.criticality;

/** {@link AssetCriticalityHttpSuite} on the embedded store. */
class AssetCriticalityHttpTest extends AssetCriticalityHttpSuite {
}
