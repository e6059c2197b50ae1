package dev.entitystore.server.profile;

import dev.entitystore.server.OnOpenSearch;

/** {@link ProfileSuggestHttpSuite} on OpenSearch. */
class ProfileSuggestOpenSearchHttpTest extends ProfileSuggestHttpSuite implements OnOpenSearch {
}
