package dev.entitystore.server.profile;

/** {@link ProfileSuggestHttpSuite} on the embedded store. */
class ProfileSuggestHttpTest extends ProfileSuggestHttpSuite {
}
