package dev.entitystore.domain.store.contract;

import static dev.entitystore.domain.store.TestJson.obj;
import static org.assertj.core.api.Assertions.assertThat;

import dev.entitystore.domain.store.TestJson;
import org.junit.jupiter.api.Test;

/** Per-space settings: stored whole, by key, apart from the records. */
public abstract class SettingsContract extends StoreContract {

    @Test
    public void a_setting_put_is_read_back_replaced_and_deleted() {
        assertThat(store.getSetting("default", "engine:host")).isEmpty();

        store.putSetting("default", "engine:host", obj("status", "started"));
        assertThat(store.getSetting("default", "engine:host")).contains(obj("status", "started"));

        store.putSetting("default", "engine:host", obj("status", "stopped"));
        assertThat(store.getSetting("default", "engine:host")).contains(obj("status", "stopped"));
        assertThat(store.settings("default")).containsOnlyKeys("engine:host");

        assertThat(store.deleteSetting("default", "engine:host")).isTrue();
        assertThat(store.deleteSetting("default", "engine:host")).isFalse();
        assertThat(store.getSetting("default", "engine:host")).isEmpty();
        assertThat(store.settings("default")).isEmpty();
    }

    @Test
    public void settings_of_one_space_are_invisible_from_another_and_listed_in_key_order() {
        store.putSetting("default", "installed", obj("at", "t1"));
        store.putSetting("default", "engine:user", obj("n", 1));
        store.putSetting("team-b", "installed", obj("at", "t2"));

        assertThat(store.settings("default").keySet()).containsExactly("engine:user", "installed");
        assertThat(store.settings("team-b")).containsOnlyKeys("installed");
        assertThat(store.getSetting("team-b", "installed")).contains(obj("at", "t2"));
        assertThat(store.settings("nobody")).isEmpty();

        store.deleteSetting("team-b", "installed");
        assertThat(store.getSetting("default", "installed")).contains(obj("at", "t1"));
    }

    @Test
    public void spaces_are_those_holding_a_setting_in_name_order() {
        store.putSetting("team-b", "installed", obj("at", "t2"));
        store.putSetting("default", "installed", obj("at", "t1"));
        store.putSetting("default", "engine:user", obj("n", 1));
        store.create("records-only", "a", obj());

        assertThat(store.spaces()).containsExactly("default", "team-b");
        // While a space's change runs exclusively (OpenSearch keeps a lease document for it), the list is the same.
        assertThat(store.exclusively("team-b", store::spaces)).containsExactly("default", "team-b");

        store.deleteSetting("team-b", "installed");
        assertThat(store.spaces()).containsExactly("default");
    }

    @Test
    public void a_setting_value_of_any_shape_comes_back_as_put() {
        // The same key holds differently typed values over time; nothing may be coerced or refused.
        var value = TestJson.parse("""
                {"status":"started","fieldHistoryLength":10,"lookback":"3h","types":["host",1,{"x":true}],"nested":{"a":null}}""");
        store.putSetting("default", "engine:host", value.deepCopy());
        store.putSetting("team-b", "engine:host", obj("status", 5, "types", "none"));

        assertThat(store.getSetting("default", "engine:host")).contains(value);
        assertThat(store.settings("team-b").get("engine:host")).isEqualTo(obj("status", 5, "types", "none"));
    }

    @Test
    public void settings_are_kept_by_delete_all() {
        store.putSetting("default", "installed", obj("v", 1));
        store.create("default", "a", obj());

        store.deleteAll("default");

        assertThat(store.getSetting("default", "installed")).contains(obj("v", 1));
        assertThat(store.settings("default")).containsOnlyKeys("installed");
    }
}
