package dev.entitystore.domain.testing;

import dev.entitystore.domain.profile.ProfileRefresh;
import dev.entitystore.domain.profile.ProfileStore;
import dev.entitystore.domain.profile.UserProfile;
import dev.entitystore.domain.profile.VersionedProfile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;

/** The profile port in memory, for the domain's tests (and a reference for the contract suite). */
public final class InMemoryProfileStore implements ProfileStore {
    private final Map<String, VersionedProfile> profiles = new HashMap<>();
    private boolean exists;
    private long nextSeqNo;

    @Override
    public synchronized boolean exists() {
        return exists;
    }

    @Override
    public synchronized void ensureExists() {
        exists = true;
    }

    @Override
    public synchronized Optional<VersionedProfile> get(String uid) {
        return Optional.ofNullable(profiles.get(uid)).map(InMemoryProfileStore::copy);
    }

    @Override
    public synchronized List<VersionedProfile> list() {
        return new TreeMap<>(profiles).values().stream().map(InMemoryProfileStore::copy).toList();
    }

    @Override
    public synchronized Optional<VersionedProfile> create(UserProfile profile, ProfileRefresh refresh) {
        exists = true;
        if (profiles.containsKey(profile.uid())) {
            return Optional.empty();
        }
        return Optional.of(put(profile));
    }

    @Override
    public synchronized Optional<VersionedProfile> replace(UserProfile profile, long seqNo, long primaryTerm, ProfileRefresh refresh) {
        VersionedProfile current = profiles.get(profile.uid());
        if (current == null || current.seqNo() != seqNo || current.primaryTerm() != primaryTerm) {
            return Optional.empty();
        }
        return Optional.of(put(profile));
    }

    private VersionedProfile put(UserProfile profile) {
        VersionedProfile stored = new VersionedProfile(UserProfile.fromStored(profile.toStored().deepCopy()), nextSeqNo++, 1);
        profiles.put(profile.uid(), stored);
        return copy(stored);
    }

    private static VersionedProfile copy(VersionedProfile p) {
        return new VersionedProfile(UserProfile.fromStored(p.profile().toStored().deepCopy()), p.seqNo(), p.primaryTerm());
    }
}
