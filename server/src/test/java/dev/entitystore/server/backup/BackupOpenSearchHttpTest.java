package dev.entitystore.server.backup;

import dev.entitystore.server.OnOpenSearch;

/** {@link BackupHttpSuite} on OpenSearch. */
class BackupOpenSearchHttpTest extends BackupHttpSuite implements OnOpenSearch {
}
