package dev.entitystore.store.opensearch;

import static dev.entitystore.domain.store.TestJson.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entitystore.domain.store.EntityStore;
import dev.entitystore.domain.store.MergeDecision;
import dev.entitystore.domain.store.SettingCheck;
import dev.entitystore.domain.store.contract.SettingCheckedMergeContract;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OpenSearchSettingCheckedMergeTest extends SettingCheckedMergeContract {
    private final StoreOnTestNode node = new StoreOnTestNode();

    @Override
    protected EntityStore openStore() {
        return node.open();
    }

    @Override
    protected void discardStore() {
        node.discard();
    }

    /**
     * The write is conditional on the record it read; when another write wins and the record is read again,
     * the setting is read again with it: an uninstall made meanwhile refuses the retried write.
     */
    @Test
    void a_merge_read_again_after_a_concurrent_write_checks_the_setting_again() {
        store.putSetting("default", "store", obj("installed", true));
        store.create("default", "a", obj("x", 1));
        AtomicInteger checks = new AtomicInteger();
        SettingCheck installed = new SettingCheck("store", setting -> {
            checks.incrementAndGet();
            if (setting.isEmpty()) {
                throw new IllegalStateException("not installed");
            }
        });

        assertThatThrownBy(() -> store.merge("default", "a", installed, current -> {
            if (checks.get() == 1) {
                // another writer (another thread: a merge refuses writes from its own) updates the record
                // and the space is uninstalled, between this merge's read and its write
                CompletableFuture.runAsync(() -> {
                    store.merge("default", "a", c -> MergeDecision.write(obj("x", 1, "other", true)));
                    store.deleteSetting("default", "store");
                }).join();
            }
            return MergeDecision.write(current.orElseThrow().source().put("mine", true));
        })).isInstanceOf(IllegalStateException.class).hasMessage("not installed");

        assertThat(checks).hasValue(2);
        assertThat(store.get("default", "a").orElseThrow().source()).isEqualTo(obj("x", 1, "other", true));
    }
}
