package dev.entitystore.server.profile;

/** {@link UserProfilesHttpSuite} on the embedded store. */
class UserProfilesHttpTest extends UserProfilesHttpSuite {
}
