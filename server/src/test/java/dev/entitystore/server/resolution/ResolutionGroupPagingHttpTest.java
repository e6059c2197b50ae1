package dev.entitystore.server.resolution;

/** {@link ResolutionGroupPagingHttpSuite} on the embedded store. */
class ResolutionGroupPagingHttpTest extends ResolutionGroupPagingHttpSuite {
}
