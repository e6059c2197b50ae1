package dev.entitystore.server.profile;

import dev.entitystore.server.OnOpenSearch;

/** {@link UserProfilesHttpSuite} on OpenSearch. */
class UserProfilesOpenSearchHttpTest extends UserProfilesHttpSuite implements OnOpenSearch {
}
