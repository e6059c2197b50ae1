package dev.entitystore.server.profile;

import dev.entitystore.server.OnOpenSearch;

/** {@link HasPrivilegesHttpSuite} on OpenSearch. */
class HasPrivilegesOpenSearchHttpTest extends HasPrivilegesHttpSuite implements OnOpenSearch {
}
