package dev.entitystore.domain.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.error.ProfileMissingException;
import dev.entitystore.domain.error.ProfileRequestException;
import dev.entitystore.domain.error.ProfileVersionConflictException;
import dev.entitystore.domain.error.StoreUnavailableException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Elasticsearch's user-profile semantics over the {@link ProfileStore}: activation creates a profile or
 * refreshes its user, reads answer several uids at once, data updates merge ({@link ProfileDataMerge})
 * under optional optimistic concurrency and a size limit, and profiles are enabled and disabled. Every
 * write is a read, a change and a conditional write, retried when another writer came first, so
 * concurrent updates never lose each other's namespaces.
 */
public final class UserProfiles {
    /** Elasticsearch's default {@code xpack.security.profile.max_size}. */
    public static final long DEFAULT_MAX_PROFILE_BYTES = 10L * 1024 * 1024;
    /** A re-activation within this time with unchanged user details writes nothing (as in Elasticsearch). */
    static final Duration ACTIVATION_NOOP_WINDOW = Duration.ofSeconds(30);
    /** The {@code flattened} mapping's default depth limit, which Elasticsearch applies to labels. */
    static final int LABELS_DEPTH_LIMIT = 20;
    private static final int MAX_ATTEMPTS = 100;
    private static final long UNASSIGNED_SEQ_NO = -2;
    private static final long UNASSIGNED_PRIMARY_TERM = 0;

    private final ProfileStore store;
    private final Clock clock;
    private final long maxProfileBytes;

    public UserProfiles(ProfileStore store, Clock clock, long maxProfileBytes) {
        this.store = store;
        this.clock = clock;
        this.maxProfileBytes = maxProfileBytes;
    }

    /**
     * Creates the user's profile, or brings its user details up to date and enables it; its data is kept,
     * and the answer shows none of it (as Elasticsearch's, which reads no application data).
     */
    public VersionedProfile activate(ProfileUser user) {
        store.ensureExists();
        for (int differentiator = 0; differentiator <= ProfileUids.MAX_DIFFERENTIATOR; differentiator++) {
            String uid = ProfileUids.of(user.username(), differentiator);
            Optional<VersionedProfile> activated = activate(uid, user);
            if (activated.isPresent()) {
                VersionedProfile p = activated.get();
                return new VersionedProfile(p.profile().withData(ProfileDataFilter.parse(null).apply(p.profile().data())),
                        p.seqNo(), p.primaryTerm());
            }
        }
        throw new IllegalStateException("every profile uid of user [" + user.username() + "] belongs to another user");
    }

    /** Empty when the uid belongs to another user (the caller tries the next differentiator). */
    private Optional<VersionedProfile> activate(String uid, ProfileUser user) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            Optional<VersionedProfile> current = store.get(uid);
            if (current.isEmpty()) {
                Optional<VersionedProfile> created = store.create(UserProfile.activated(uid, user, now), ProfileRefresh.WAIT_FOR);
                if (created.isPresent()) {
                    return created;
                }
                continue;
            }
            UserProfile stored = current.get().profile();
            if (!stored.user().username().equals(user.username())) {
                return Optional.empty();
            }
            boolean recent = Duration.ofMillis(now.toEpochMilli() - stored.lastSynchronized()).compareTo(ACTIVATION_NOOP_WINDOW) < 0;
            if (stored.enabled() && stored.user().equals(user) && recent) {
                return current;
            }
            Optional<VersionedProfile> written = store.replace(stored.withUser(user, now), current.get().seqNo(),
                    current.get().primaryTerm(), ProfileRefresh.WAIT_FOR);
            if (written.isPresent()) {
                return written;
            }
        }
        throw busy(uid);
    }

    /** The profiles of {@code uids} (duplicates once), with only the application data {@code dataFilter} selects. */
    public ProfileLookup get(List<String> uids, ProfileDataFilter dataFilter) {
        List<VersionedProfile> found = new ArrayList<>();
        Map<String, ProfileLookup.Failure> errors = new LinkedHashMap<>();
        boolean exists = store.exists();
        for (String uid : new LinkedHashSet<>(uids)) {
            Optional<VersionedProfile> profile = exists ? store.get(uid) : Optional.empty();
            if (profile.isPresent()) {
                VersionedProfile p = profile.get();
                found.add(new VersionedProfile(p.profile().withData(dataFilter.apply(p.profile().data())), p.seqNo(), p.primaryTerm()));
            } else if (exists) {
                errors.put(uid, new ProfileLookup.Failure("resource_not_found_exception", "profile document not found"));
            } else {
                errors.put(uid, new ProfileLookup.Failure("exception", "profile index does not exist"));
            }
        }
        return new ProfileLookup(found, errors);
    }

    /**
     * Elasticsearch's {@code _suggest}: the enabled profiles matching the request, best first, each with
     * only the application data the request selects.
     */
    public ProfileSuggestions.Result suggest(ProfileSuggestRequest request) {
        List<UserProfile> all = store.list().stream().map(VersionedProfile::profile).toList();
        ProfileSuggestions.Result ranked = ProfileSuggestions.rank(all, request);
        return new ProfileSuggestions.Result(ranked.total(), ranked.profiles().stream()
                .map(p -> p.withData(request.data().apply(p.data()))).toList());
    }

    /**
     * Merges validated labels and data into the profile. {@code ifSeqNo}/{@code ifPrimaryTerm} below 0 are
     * not given (as Elasticsearch parses them). Creates the store when it does not exist yet, as
     * Elasticsearch creates its profile index, before finding the profile missing.
     */
    public void updateData(String uid, ProfileDataUpdate update, long ifSeqNo, long ifPrimaryTerm, ProfileRefresh refresh) {
        long seqNo = ifSeqNo >= 0 ? ifSeqNo : UNASSIGNED_SEQ_NO;
        long primaryTerm = ifPrimaryTerm >= 0 ? ifPrimaryTerm : UNASSIGNED_PRIMARY_TERM;
        if (seqNo != UNASSIGNED_SEQ_NO && primaryTerm == UNASSIGNED_PRIMARY_TERM) {
            throw ProfileRequestException.validation(List.of("ifSeqNo is set, but primary term is [0]"));
        }
        if (seqNo == UNASSIGNED_SEQ_NO && primaryTerm != UNASSIGNED_PRIMARY_TERM) {
            throw ProfileRequestException.validation(List.of("ifSeqNo is unassigned, but primary term is [" + primaryTerm + "]"));
        }
        boolean conditional = seqNo != UNASSIGNED_SEQ_NO;
        store.ensureExists();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            VersionedProfile current = store.get(uid).orElseThrow(() -> new ProfileMissingException(UserProfile.documentId(uid)));
            if (conditional && (current.seqNo() != seqNo || current.primaryTerm() != primaryTerm)) {
                throw new ProfileVersionConflictException(UserProfile.documentId(uid), seqNo, primaryTerm,
                        current.seqNo(), current.primaryTerm());
            }
            ObjectNode labels = current.profile().labels().deepCopy();
            ObjectNode data = current.profile().data().deepCopy();
            boolean changed = ProfileDataMerge.merge(labels, update.labels()) | ProfileDataMerge.merge(data, update.data());
            if (!changed) {
                return; // Elasticsearch's no-op: acknowledged, no new version
            }
            UserProfile next = current.profile().withContent(labels, data);
            checkLabelsDepth(labels);
            checkSize(next);
            if (store.replace(next, current.seqNo(), current.primaryTerm(), refresh).isPresent()) {
                return;
            }
        }
        throw busy(uid);
    }

    /** Enables or disables the profile; a missing one is Elasticsearch's {@code document_missing_exception}. */
    public void setEnabled(String uid, boolean enabled, ProfileRefresh refresh) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            VersionedProfile current = store.get(uid).orElseThrow(() -> new ProfileMissingException(UserProfile.documentId(uid)));
            if (current.profile().enabled() == enabled) {
                return;
            }
            if (store.replace(current.profile().withEnabled(enabled), current.seqNo(), current.primaryTerm(), refresh).isPresent()) {
                return;
            }
        }
        throw busy(uid);
    }

    private void checkSize(UserProfile profile) {
        long bytes = profile.toStored().toString().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxProfileBytes) {
            throw new ProfileRequestException(ProfileRequestException.ILLEGAL_ARGUMENT, "cannot update profile ["
                    + profile.uid() + "] because the combined profile size of [" + bytes
                    + "] bytes exceeds the maximum of [" + maxProfileBytes + "] bytes");
        }
    }

    private static void checkLabelsDepth(ObjectNode labels) {
        if (depth(labels) > LABELS_DEPTH_LIMIT) {
            throw new ProfileRequestException(ProfileRequestException.MAPPER_PARSING,
                    "The provided [flattened] field [user_profile.labels] exceeds the maximum depth limit of ["
                            + LABELS_DEPTH_LIMIT + "].");
        }
    }

    /** Object levels below {@code node}: {@code {"a":1}} is 1, {@code {"a":{"b":1}}} is 2. */
    private static int depth(JsonNode node) {
        int deepest = 0;
        for (JsonNode child : node) {
            if (child.isContainerNode()) {
                deepest = Math.max(deepest, depth(child));
            }
        }
        return node.isObject() ? deepest + 1 : deepest;
    }

    private static StoreUnavailableException busy(String uid) {
        return new StoreUnavailableException("profile [" + uid + "] kept changing while it was written; retry", null);
    }
}
