package dev.entitystore.domain.profile;

/**
 * A stored profile and its version, as Elasticsearch names it: the sequence number and primary term a
 * client passes back as {@code if_seq_no}/{@code if_primary_term}. On the embedded store the primary term
 * is always 1 and the sequence number counts the profile writes.
 */
public record VersionedProfile(UserProfile profile, long seqNo, long primaryTerm) {
}
