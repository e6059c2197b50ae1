package dev.entitystore.server.resolution;

import dev.entitystore.server.OnOpenSearch;

/** {@link EntityMaintainersHttpSuite} on OpenSearch. */
class EntityMaintainersOpenSearchHttpTest extends EntityMaintainersHttpSuite implements OnOpenSearch {
}
