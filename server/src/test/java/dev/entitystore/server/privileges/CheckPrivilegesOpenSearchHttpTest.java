package dev.entitystore.server.privileges;

import dev.entitystore.server.OnOpenSearch;

/** {@link CheckPrivilegesHttpSuite} on OpenSearch. */
class CheckPrivilegesOpenSearchHttpTest extends CheckPrivilegesHttpSuite implements OnOpenSearch {
}
