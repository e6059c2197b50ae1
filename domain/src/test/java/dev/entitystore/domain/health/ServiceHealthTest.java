package dev.entitystore.domain.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.entitystore.domain.error.StoreUnavailableException;
import dev.entitystore.domain.store.EntityStore;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ServiceHealthTest {

    private static HealthCheck component(String name, HealthLevel level, String refusal) {
        return new HealthCheck() {
            @Override
            public ComponentHealth check() {
                return new ComponentHealth(name, level, name + " is " + level.id(), Map.of("figure", 1));
            }

            @Override
            public Optional<String> refusesWrites() {
                return Optional.ofNullable(refusal);
            }
        };
    }

    @Test
    void the_overall_level_is_the_worst_component_and_the_summary_names_it() {
        HealthReport report = new ServiceHealth(List.of(component("recordStore", HealthLevel.AVAILABLE, null),
                component("searchIndex", HealthLevel.DEGRADED, null))).report();
        assertThat(report.overall()).isEqualTo(HealthLevel.DEGRADED);
        assertThat(report.overall().canServe()).isTrue();
        assertThat(report.summary()).isEqualTo("searchIndex: searchIndex is degraded");
        assertThat(report.components()).extracting(ComponentHealth::name).containsExactly("recordStore", "searchIndex");
    }

    @Test
    void all_available_reads_as_kibana_says_it() {
        HealthReport report = new ServiceHealth(List.of(component("a", HealthLevel.AVAILABLE, null))).report();
        assertThat(report.overall()).isEqualTo(HealthLevel.AVAILABLE);
        assertThat(report.summary()).isEqualTo("All services are available");
    }

    @Test
    void unavailable_and_critical_cannot_serve() {
        assertThat(HealthLevel.UNAVAILABLE.canServe()).isFalse();
        assertThat(HealthLevel.CRITICAL.canServe()).isFalse();
        assertThat(new ServiceHealth(List.of(component("a", HealthLevel.CRITICAL, null),
                component("b", HealthLevel.UNAVAILABLE, null))).report().overall()).isEqualTo(HealthLevel.CRITICAL);
    }

    @Test
    void a_guarded_store_refuses_every_write_before_calling_the_store_and_still_reads() {
        List<String> called = new ArrayList<>();
        EntityStore recording = (EntityStore) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {EntityStore.class}, (proxy, method, args) -> {
                    called.add(method.getName());
                    Class<?> type = method.getReturnType();
                    return type == Optional.class ? Optional.empty() : type == boolean.class ? Boolean.FALSE : null;
                });
        AtomicReference<String> refusal = new AtomicReference<>("the data directory was removed");
        HealthCheck files = new HealthCheck() {
            @Override
            public ComponentHealth check() {
                return new ComponentHealth("recordStore", HealthLevel.CRITICAL, "gone", Map.of());
            }

            @Override
            public Optional<String> refusesWrites() {
                return Optional.ofNullable(refusal.get());
            }
        };
        EntityStore guarded = new HealthGuardedStore(recording, new ServiceHealth(List.of(files)));
        List<Runnable> writes = List.of(
                () -> guarded.create("default", "host:a", JsonNodeFactory.instance.objectNode()),
                () -> guarded.merge("default", "host:a", current -> null),
                () -> guarded.bulk("default", List.of()),
                () -> guarded.delete("default", "host:a"),
                () -> guarded.deleteAll("default"),
                () -> guarded.putSetting("default", "k", JsonNodeFactory.instance.objectNode()),
                () -> guarded.deleteSetting("default", "k"));
        for (Runnable write : writes) {
            assertThatThrownBy(write::run).isInstanceOf(StoreUnavailableException.class)
                    .hasMessage("The entity store cannot accept writes: the data directory was removed; nothing was applied");
        }
        assertThat(called).isEmpty();
        guarded.get("default", "host:a");
        guarded.getSetting("default", "k");
        assertThat(called).containsExactly("get", "getSetting");
        refusal.set(null);
        guarded.delete("default", "host:a");
        assertThat(called).endsWith("delete");
    }
}
