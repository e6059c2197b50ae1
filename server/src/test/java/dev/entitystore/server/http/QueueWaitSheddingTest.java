package dev.entitystore.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entitystore.domain.error.StoreBusyException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.glassfish.grizzly.threadpool.GrizzlyExecutorService;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The queue wait a Grizzly worker sees, and the writes refused past the bound. */
class QueueWaitSheddingTest {

    @AfterEach
    void reset() {
        WorkerQueueWait.waited(0);
    }

    @Test
    void aTaskQueuedBehindABusyWorkerSeesItsWaitAndTheNextTaskItsOwn() throws Exception {
        ThreadPoolConfig config = ThreadPoolConfig.defaultConfig().setPoolName("probe-test").setCorePoolSize(1).setMaxPoolSize(1);
        config.getInitialMonitoringConfig().addProbes(new WorkerQueueWait());
        GrizzlyExecutorService pool = GrizzlyExecutorService.createInstance(config);
        try {
            CountDownLatch release = new CountDownLatch(1);
            AtomicLong second = new AtomicLong(-1);
            AtomicLong third = new AtomicLong(-1);
            CountDownLatch done = new CountDownLatch(2);
            pool.execute(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            pool.execute(() -> {
                second.set(WorkerQueueWait.waitedMillis());
                done.countDown();
            });
            Thread.sleep(150);
            release.countDown();
            Thread.sleep(100);
            pool.execute(() -> {
                third.set(WorkerQueueWait.waitedMillis());
                done.countDown();
            });
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(second.get()).isGreaterThanOrEqualTo(140);
            assertThat(third.get()).isLessThan(100);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anEntityWriteThatWaitedPastTheBoundIsRefusedWith429AndRetryAfter() {
        WorkerQueueWait.waited(1_500_000_000L);
        QueueWaitShedding shedding = new QueueWaitShedding(1_000);

        assertThatThrownBy(() -> shedding.filter(request("PUT", "/api/security/entity_store/entities/host")))
                .isInstanceOfSatisfying(StoreBusyException.class, busy -> assertThat(busy.retryAfterSeconds()).isEqualTo(1))
                .hasMessage("The entity store is busy: this write waited 1500 ms for a request thread (at most 1000 ms);"
                        + " it was not applied. Retry after 1 second.");
        assertThatThrownBy(() -> shedding.filter(request("POST", "/s/team/api/entity_store/entities/bulk")))
                .isInstanceOf(StoreBusyException.class);
        assertThatThrownBy(() -> shedding.filter(request("POST", "/api/asset_criticality")))
                .isInstanceOf(StoreBusyException.class);
    }

    @Test
    void readsOtherRoutesShortWaitsAndATurnedOffBoundAreNeverRefused() {
        WorkerQueueWait.waited(5_000_000_000L);
        QueueWaitShedding shedding = new QueueWaitShedding(1_000);
        assertThatCode(() -> shedding.filter(request("GET", "/api/security/entity_store/entities"))).doesNotThrowAnyException();
        assertThatCode(() -> shedding.filter(request("POST", "/api/security/entity_store/install"))).doesNotThrowAnyException();
        assertThatCode(() -> new QueueWaitShedding(0).filter(request("PUT", "/api/security/entity_store/entities/host")))
                .doesNotThrowAnyException();
        WorkerQueueWait.waited(999_000_000L);
        assertThatCode(() -> shedding.filter(request("PUT", "/api/security/entity_store/entities/host")))
                .doesNotThrowAnyException();
    }

    private static ContainerRequestContext request(String method, String path) {
        UriInfo uri = (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class},
                (proxy, m, args) -> m.getName().equals("getRequestUri") ? URI.create("http://localhost" + path) : null);
        return (ContainerRequestContext) Proxy.newProxyInstance(ContainerRequestContext.class.getClassLoader(),
                new Class<?>[] {ContainerRequestContext.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getUriInfo" -> uri;
                    default -> null;
                });
    }
}
