package dev.entitystore.domain.store.contract;

import static dev.entitystore.domain.testing.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

import dev.entitystore.domain.profile.ProfileRefresh;
import dev.entitystore.domain.profile.ProfileStore;
import dev.entitystore.domain.profile.ProfileUser;
import dev.entitystore.domain.profile.UserProfile;
import dev.entitystore.domain.profile.VersionedProfile;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every adapter of {@link ProfileStore} promises: creation once per uid, conditional replacement
 * by version, versions that move forward, and a record read back exactly as written. Subclasses hand in a
 * fresh store.
 */
public abstract class ProfileStoreContract {
    protected abstract ProfileStore store();

    private static UserProfile profile(String uid, String labels, String data) {
        ProfileUser user = new ProfileUser("alice", List.of("entity_store_admin"), "entity_store_credentials", "Alice A", null);
        return new UserProfile(uid, true, 1_700_000_000_000L, user, obj(labels), obj(data));
    }

    private static String uid() {
        return "u_" + UUID.randomUUID() + "_0";
    }

    @Test
    void aStoreThatWasNeverUsedDoesNotExistUntilEnsured() {
        ProfileStore store = store();
        assertThat(store.exists()).isFalse();
        assertThat(store.get(uid())).isEmpty();
        store.ensureExists();
        store.ensureExists();
        assertThat(store.exists()).isTrue();
    }

    @Test
    void listsEveryProfileInUidOrderWithItsVersion() {
        ProfileStore store = store();
        assertThat(store.list()).isEmpty();
        store.ensureExists();
        String second = "u_b" + UUID.randomUUID() + "_0";
        String first = "u_a" + UUID.randomUUID() + "_0";
        VersionedProfile b = store.create(profile(second, "{}", "{}"), ProfileRefresh.WAIT_FOR).orElseThrow();
        VersionedProfile a = store.create(profile(first, "{'app1':{'tags':['x']}}", "{}"), ProfileRefresh.WAIT_FOR).orElseThrow();
        List<VersionedProfile> listed = store.list();
        assertThat(listed).extracting(p -> p.profile().uid()).containsExactly(first, second);
        assertThat(listed.get(0).profile()).isEqualTo(a.profile());
        assertThat(listed.get(0).seqNo()).isEqualTo(a.seqNo());
        assertThat(listed.get(1).primaryTerm()).isEqualTo(b.primaryTerm());
    }

    @Test
    void createsOncePerUidAndReadsBackWhatWasWritten() {
        ProfileStore store = store();
        store.ensureExists();
        String uid = uid();
        UserProfile written = profile(uid, "{'app1':{'tags':['prod','east']}}", "{'app1':{'theme':'dark','top':null}}");
        Optional<VersionedProfile> created = store.create(written, ProfileRefresh.WAIT_FOR);
        assertThat(created).isPresent();
        assertThat(store.create(written, ProfileRefresh.WAIT_FOR)).isEmpty();
        VersionedProfile read = store.get(uid).orElseThrow();
        assertThat(read.profile()).isEqualTo(written);
        assertThat(read.seqNo()).isEqualTo(created.get().seqNo());
        assertThat(read.primaryTerm()).isEqualTo(created.get().primaryTerm()).isPositive();
    }

    @Test
    void replacesOnlyTheVersionItWasGivenAndMovesTheVersionOn() {
        ProfileStore store = store();
        store.ensureExists();
        String uid = uid();
        VersionedProfile first = store.create(profile(uid, "{}", "{}"), ProfileRefresh.FALSE).orElseThrow();
        UserProfile changed = profile(uid, "{}", "{'app1':{'k':1}}");
        VersionedProfile second = store.replace(changed, first.seqNo(), first.primaryTerm(), ProfileRefresh.TRUE).orElseThrow();
        assertThat(second.seqNo()).isGreaterThan(first.seqNo());
        assertThat(store.replace(profile(uid, "{}", "{'app1':{'k':2}}"), first.seqNo(), first.primaryTerm(),
                ProfileRefresh.WAIT_FOR)).isEmpty();
        assertThat(store.get(uid).orElseThrow().profile()).isEqualTo(changed);
        assertThat(store.replace(profile(uid(), "{}", "{}"), 0, 1, ProfileRefresh.WAIT_FOR)).as("a missing profile").isEmpty();
    }
}
