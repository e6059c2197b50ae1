package dev.entitystore.domain.store.contract;

import static dev.entitystore.domain.store.TestJson.obj;
import static dev.entitystore.domain.store.TestJson.setField;
import static dev.entitystore.domain.store.TestJson.updateField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.store.MergeDecision;
import dev.entitystore.domain.store.MergeOutcome;
import dev.entitystore.domain.store.SettingCheck;
import dev.entitystore.domain.store.StoredEntity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A merge that first checks settings of its space, read with the record (a single write's installed check, a v1
 * write's engine state).
 */
public abstract class SettingCheckedMergeContract extends StoreContract {

    private static SettingCheck seeing(String key, List<Optional<ObjectNode>> seen) {
        return new SettingCheck(key, seen::add);
    }

    private static SettingCheck requiring(String key) {
        return new SettingCheck(key, setting -> {
            if (setting.isEmpty()) {
                throw new IllegalStateException("no " + key);
            }
        });
    }

    @Test
    public void the_check_is_given_the_setting_as_stored_and_the_merge_then_sees_the_record() {
        store.putSetting("default", "store", obj("installed", true));
        store.create("default", "a", obj("x", 1));
        StoredEntity created = store.get("default", "a").orElseThrow();
        List<Optional<ObjectNode>> seen = new ArrayList<>();

        MergeOutcome outcome = store.merge("default", "a", seeing("store", seen), current -> {
            assertThat(current).contains(created);
            return MergeDecision.write(current.get().source().put("y", 2));
        });

        assertThat(seen).containsExactly(Optional.of(obj("installed", true)));
        assertThat(outcome.status()).isEqualTo(MergeOutcome.Status.UPDATED);
        assertThat(store.get("default", "a").orElseThrow().source()).isEqualTo(obj("x", 1, "y", 2));
    }

    @Test
    public void a_check_that_refuses_is_rethrown_before_the_merge_is_asked_and_nothing_is_written() {
        store.create("default", "a", obj("x", 1));
        StoredEntity before = store.get("default", "a").orElseThrow();
        AtomicInteger asked = new AtomicInteger();

        assertThatThrownBy(() -> store.merge("default", "a", requiring("store"), current -> {
            asked.incrementAndGet();
            return MergeDecision.write(obj("x", 2));
        })).isInstanceOf(IllegalStateException.class).hasMessage("no store");

        assertThat(asked).hasValue(0);
        assertThat(store.get("default", "a")).contains(before);
    }

    @Test
    public void on_an_empty_store_the_check_sees_no_setting_and_a_merge_it_accepts_creates_the_record() {
        List<Optional<ObjectNode>> seen = new ArrayList<>();

        MergeOutcome outcome = store.merge("default", "new", seeing("store", seen), setField("x", 1));

        assertThat(seen).containsExactly(Optional.empty());
        assertThat(outcome.status()).isEqualTo(MergeOutcome.Status.CREATED);
        assertThat(store.get("default", "new").orElseThrow().source()).isEqualTo(obj("x", 1));
    }

    @Test
    public void the_check_reads_its_own_space_and_key_only_and_a_missing_record_is_not_found() {
        store.putSetting("team-b", "store", obj("space", "team-b"));
        store.putSetting("default", "engine:host", obj("status", "started"));
        List<Optional<ObjectNode>> seen = new ArrayList<>();

        MergeOutcome outcome = store.merge("default", "missing", seeing("store", seen), updateField("x", 1));

        assertThat(seen).containsExactly(Optional.empty());
        assertThat(outcome.status()).isEqualTo(MergeOutcome.Status.NOT_FOUND);
        assertThat(store.get("default", "missing")).isEmpty();
    }

    @Test
    public void a_setting_deleted_is_seen_as_absent_by_the_next_checked_merge() {
        store.putSetting("default", "store", obj("installed", true));
        store.merge("default", "a", requiring("store"), setField("x", 1));

        store.deleteSetting("default", "store");

        assertThatThrownBy(() -> store.merge("default", "a", requiring("store"), setField("x", 2)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(store.get("default", "a").orElseThrow().source()).isEqualTo(obj("x", 1));
    }

    @Test
    public void a_check_of_several_keys_sees_each_found_by_key_and_none_of_the_missing_ones() {
        store.putSetting("default", "engine:host", obj("status", "started"));
        store.putSetting("default", "store", obj("installed", true));
        store.putSetting("team-b", "engine:user", obj("status", "started"));
        List<Map<String, ObjectNode>> seen = new ArrayList<>();

        MergeOutcome outcome = store.merge("default", "a",
                new SettingCheck(List.of("engine:host", "engine:user", "store"), seen::add), setField("x", 1));

        assertThat(seen).containsExactly(Map.of("engine:host", obj("status", "started"), "store", obj("installed", true)));
        assertThat(outcome.status()).isEqualTo(MergeOutcome.Status.CREATED);
        assertThat(store.get("default", "a").orElseThrow().source()).isEqualTo(obj("x", 1));
    }
}
