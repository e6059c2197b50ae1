package dev.entitystore.domain.store.sqlite;

import static dev.entitystore.domain.store.TestJson.obj;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SettingsTest extends StoreTestSupport {

    @BeforeEach
    void open() {
        openStore();
    }

    @Test
    void a_setting_put_is_read_back_replaced_and_deleted() {
        assertThat(store.getSetting("default", "engine:host")).isEmpty();

        store.putSetting("default", "engine:host", obj("status", "started"));
        assertThat(store.getSetting("default", "engine:host")).contains(obj("status", "started"));

        store.putSetting("default", "engine:host", obj("status", "stopped"));
        assertThat(store.getSetting("default", "engine:host")).contains(obj("status", "stopped"));

        assertThat(store.deleteSetting("default", "engine:host")).isTrue();
        assertThat(store.deleteSetting("default", "engine:host")).isFalse();
        assertThat(store.getSetting("default", "engine:host")).isEmpty();
    }

    @Test
    void settings_of_one_space_are_invisible_from_another() {
        store.putSetting("default", "installed", obj("at", "t1"));
        store.putSetting("default", "engine:user", obj("n", 1));
        store.putSetting("team-b", "installed", obj("at", "t2"));

        assertThat(store.settings("default")).containsOnlyKeys("engine:user", "installed");
        assertThat(store.settings("team-b")).containsOnlyKeys("installed");
        assertThat(store.getSetting("team-b", "installed")).contains(obj("at", "t2"));
        assertThat(store.settings("nobody")).isEmpty();

        store.deleteSetting("team-b", "installed");
        assertThat(store.getSetting("default", "installed")).contains(obj("at", "t1"));
    }

    @Test
    void settings_are_kept_by_delete_all_and_across_reopen_and_stay_out_of_the_change_sequence() {
        store.putSetting("default", "installed", obj("v", 1));
        store.create("default", "a", obj());

        store.deleteAll("default");
        reopen();

        assertThat(store.getSetting("default", "installed")).contains(obj("v", 1));
        assertThat(store.changesSince(0, 10).changes())
                .allMatch(change -> change.kind() != dev.entitystore.domain.store.Change.Kind.UPSERT);
    }
}
