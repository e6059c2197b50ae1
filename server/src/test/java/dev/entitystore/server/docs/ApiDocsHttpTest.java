package dev.entitystore.server.docs;

/** {@link ApiDocsHttpSuite} on the embedded store. */
class ApiDocsHttpTest extends ApiDocsHttpSuite {
}
