package dev.entitystore.server.v2;

import dev.entitystore.server.OnOpenSearch;

/** {@link NewestInstallBodiesHttpSuite} on OpenSearch. */
class NewestInstallBodiesOpenSearchHttpTest extends NewestInstallBodiesHttpSuite implements OnOpenSearch {
}
