package dev.entitystore.domain.profile;

import java.util.List;
import java.util.Optional;

/**
 * The storage port of user profiles: one record per uid, versioned, written only conditionally so that
 * concurrent writers never lose each other's changes. A call returns once its write is durable and
 * readable by {@link #get}. Failures of the backend are
 * {@link dev.entitystore.domain.error.StoreUnavailableException}.
 */
public interface ProfileStore {
    /** Whether the profile store exists yet (Elasticsearch's profile index is created on first use). */
    boolean exists();

    /** Creates the store if it does not exist (a concurrent creation counts as success). */
    void ensureExists();

    /** The profile and its current version, or empty (also when the store does not exist). */
    Optional<VersionedProfile> get(String uid);

    /**
     * Every profile, in uid order (empty when the store does not exist). Profiles are one per user of the
     * credentials file, so the whole set is small; {@code _suggest} ranks it in memory.
     */
    List<VersionedProfile> list();

    /** Writes a new profile; empty when one with its uid exists already. */
    Optional<VersionedProfile> create(UserProfile profile, ProfileRefresh refresh);

    /**
     * Replaces the profile if its stored version is still ({@code seqNo}, {@code primaryTerm}); empty when
     * it is not (another write came first, or it is gone).
     */
    Optional<VersionedProfile> replace(UserProfile profile, long seqNo, long primaryTerm, ProfileRefresh refresh);
}
