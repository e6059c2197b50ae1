package dev.entitystore.domain.profile;

import static dev.entitystore.domain.testing.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entitystore.domain.error.ProfileMissingException;
import dev.entitystore.domain.error.ProfileRequestException;
import dev.entitystore.domain.error.ProfileVersionConflictException;
import dev.entitystore.domain.testing.InMemoryProfileStore;
import dev.entitystore.domain.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserProfilesTest {
    private static final ProfileUser ALICE = new ProfileUser("alice", List.of("entity_store_admin"), "entity_store_credentials", null, null);
    private final MutableClock clock = new MutableClock();
    private final InMemoryProfileStore store = new InMemoryProfileStore();
    private final UserProfiles profiles = new UserProfiles(store, clock, UserProfiles.DEFAULT_MAX_PROFILE_BYTES);

    private void update(String uid, String body) {
        profiles.updateData(uid, ProfileDataUpdate.parse(obj(body)), -1, -1, ProfileRefresh.WAIT_FOR);
    }

    @Test
    void activationCreatesOnceAndKeepsDataWhenRepeated() {
        VersionedProfile first = profiles.activate(ALICE);
        assertThat(first.profile().uid()).isEqualTo(ProfileUids.of("alice", 0)).startsWith("u_").endsWith("_0");
        update(first.profile().uid(), "{'data':{'app1':{'theme':'default'}}}");
        VersionedProfile again = profiles.activate(ALICE);
        assertThat(again.seqNo()).as("within 30 s: a no-op").isEqualTo(store.get(first.profile().uid()).orElseThrow().seqNo());
        assertThat(again.profile().data()).as("the answer shows no data").isEqualTo(obj("{}"));
        clock.advance(Duration.ofSeconds(60));
        VersionedProfile later = profiles.activate(ALICE);
        assertThat(later.profile().uid()).isEqualTo(first.profile().uid());
        assertThat(later.seqNo()).isGreaterThan(first.seqNo());
        assertThat(store.get(later.profile().uid()).orElseThrow().profile().data()).isEqualTo(obj("{'app1':{'theme':'default'}}"));
    }

    @Test
    void conditionalUpdatesCheckTheVersionAndHalfAConditionIsInvalid() {
        String uid = profiles.activate(ALICE).profile().uid();
        VersionedProfile current = store.get(uid).orElseThrow();
        profiles.updateData(uid, ProfileDataUpdate.parse(obj("{'data':{'a':{'k':1}}}")), current.seqNo(), current.primaryTerm(),
                ProfileRefresh.WAIT_FOR);
        assertThatThrownBy(() -> profiles.updateData(uid, ProfileDataUpdate.parse(obj("{'data':{'a':{'k':2}}}")),
                current.seqNo(), current.primaryTerm(), ProfileRefresh.WAIT_FOR))
                .isInstanceOf(ProfileVersionConflictException.class)
                .hasMessage("[profile_" + uid + "]: version conflict, required seqNo [" + current.seqNo() + "], primary term [1]."
                        + " current document has seqNo [" + (current.seqNo() + 1) + "] and primary term [1]");
        assertThatThrownBy(() -> profiles.updateData(uid, ProfileDataUpdate.parse(obj("{'data':{'a':1}}")), 3, -1,
                ProfileRefresh.WAIT_FOR)).hasMessage("Validation Failed: 1: ifSeqNo is set, but primary term is [0];");
        assertThatThrownBy(() -> profiles.updateData(uid, ProfileDataUpdate.parse(obj("{'data':{'a':1}}")), -1, 4,
                ProfileRefresh.WAIT_FOR)).hasMessage("Validation Failed: 1: ifSeqNo is unassigned, but primary term is [4];");
        assertThat(store.get(uid).orElseThrow().profile().data()).isEqualTo(obj("{'a':{'k':1}}"));
    }

    @Test
    void aNoOpUpdateKeepsTheVersion() {
        String uid = profiles.activate(ALICE).profile().uid();
        update(uid, "{'data':{'a':{'k':1}}}");
        long seqNo = store.get(uid).orElseThrow().seqNo();
        update(uid, "{'data':{'a':{'k':1}}}");
        update(uid, "{'data':{'a':{}}}");
        assertThat(store.get(uid).orElseThrow().seqNo()).isEqualTo(seqNo);
    }

    @Test
    void aMissingProfileIsADocumentMissingAndTheStoreIsCreated() {
        assertThat(store.exists()).isFalse();
        assertThatThrownBy(() -> update("u_nobody_0", "{'data':{'a':1}}")).isInstanceOf(ProfileMissingException.class)
                .hasMessage("[profile_u_nobody_0]: document missing");
        assertThat(store.exists()).isTrue();
        assertThatThrownBy(() -> profiles.setEnabled("u_nobody_0", false, ProfileRefresh.TRUE)).isInstanceOf(ProfileMissingException.class);
    }

    @Test
    void readsReportWhatIsMissingAndWhyInOrder() {
        ProfileLookup before = profiles.get(List.of("u_a_0"), ProfileDataFilter.parse("*"));
        assertThat(before.errors().get("u_a_0")).isEqualTo(new ProfileLookup.Failure("exception", "profile index does not exist"));
        String uid = profiles.activate(ALICE).profile().uid();
        ProfileLookup after = profiles.get(List.of("u_a_0", uid, uid), ProfileDataFilter.parse(null));
        assertThat(after.profiles()).hasSize(1);
        assertThat(after.errors()).containsOnlyKeys("u_a_0");
        assertThat(after.errors().get("u_a_0").type()).isEqualTo("resource_not_found_exception");
    }

    @Test
    void theSizeLimitRefusesAnUpdateThatWouldMakeTheProfileTooBig() {
        UserProfiles small = new UserProfiles(store, clock, 1024);
        String uid = small.activate(ALICE).profile().uid();
        String half = "x".repeat(512);
        small.updateData(uid, ProfileDataUpdate.parse(obj("{'data':{'a':{'v':'" + half + "'}}}")), -1, -1, ProfileRefresh.WAIT_FOR);
        assertThatThrownBy(() -> small.updateData(uid, ProfileDataUpdate.parse(obj("{'data':{'b':{'v':'" + half + "'}}}")),
                -1, -1, ProfileRefresh.WAIT_FOR)).isInstanceOf(ProfileRequestException.class)
                .hasMessageContaining("exceeds the maximum of [1024] bytes");
        assertThat(store.get(uid).orElseThrow().profile().data().has("b")).isFalse();
    }

    @Test
    void labelsDeeperThanTheFlattenedLimitAreRefused() {
        String uid = profiles.activate(ALICE).profile().uid();
        String deep = "{'labels':{'a':" + "{'x':".repeat(20) + "1" + "}".repeat(20) + "}}";
        assertThatThrownBy(() -> update(uid, deep)).hasMessageContaining("exceeds the maximum depth limit of [20]");
    }

    @Test
    void disablingAndEnablingChangeOnlyTheFlag() {
        String uid = profiles.activate(ALICE).profile().uid();
        profiles.setEnabled(uid, false, ProfileRefresh.TRUE);
        assertThat(store.get(uid).orElseThrow().profile().enabled()).isFalse();
        clock.advance(Duration.ofSeconds(60));
        assertThat(profiles.activate(ALICE).profile().enabled()).as("activation enables").isTrue();
    }
}
