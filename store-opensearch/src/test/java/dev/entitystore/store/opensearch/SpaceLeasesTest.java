package dev.entitystore.store.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entitystore.domain.error.StoreUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;

/**
 * The engine change lease of a space, with two {@link SpaceLeases} standing for two servers on one
 * cluster (same index prefix), on the test node.
 */
class SpaceLeasesTest {
    private final StoreOnTestNode node = new StoreOnTestNode();
    private OpenSearchClient client;
    private SettingsIndex settings;
    private final List<SpaceLeases> opened = new ArrayList<>();

    @BeforeEach
    void open() {
        node.open();
        client = node.connection().client();
        settings = new SettingsIndex(client, node.names());
    }

    @AfterEach
    void discard() {
        opened.forEach(SpaceLeases::close);
        node.discard();
    }

    private SpaceLeases server(Duration lease, Duration renewEvery, Duration wait) {
        SpaceLeases leases = new SpaceLeases(client, settings, lease, renewEvery, wait);
        opened.add(leases);
        return leases;
    }

    @Test
    void changesOfOneSpaceThroughTwoServersNeverOverlap() throws Exception {
        SpaceLeases first = server(SpaceLeases.LEASE, SpaceLeases.RENEW_EVERY, SpaceLeases.WAIT);
        SpaceLeases second = server(SpaceLeases.LEASE, SpaceLeases.RENEW_EVERY, SpaceLeases.WAIT);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            SpaceLeases through = i % 2 == 0 ? first : second;
            runs.add(pool.submit(() -> through.exclusively("default", () -> {
                mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                sleep(20);
                return inside.decrementAndGet();
            })));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        for (Future<Integer> run : runs) {
            assertThat(run.get()).isZero();
        }
        assertThat(mostInside.get()).isEqualTo(1);
    }

    @Test
    void otherSpacesDoNotWait() {
        SpaceLeases first = server(SpaceLeases.LEASE, SpaceLeases.RENEW_EVERY, Duration.ofMillis(300));
        SpaceLeases second = server(SpaceLeases.LEASE, SpaceLeases.RENEW_EVERY, Duration.ofMillis(300));
        String inner = first.exclusively("default", () -> second.exclusively("other", () -> "ran"));
        assertThat(inner).isEqualTo("ran");
    }

    @Test
    void aChangeThatOutlastsTheLeaseKeepsItByRenewing() throws Exception {
        SpaceLeases holder = server(Duration.ofMillis(600), Duration.ofMillis(100), SpaceLeases.WAIT);
        SpaceLeases waiter = server(Duration.ofMillis(600), Duration.ofMillis(100), SpaceLeases.WAIT);
        AtomicBoolean holderDone = new AtomicBoolean();
        Thread thread = holdInBackground(holder, () -> {
            sleep(2_000);
            holderDone.set(true);
        });
        boolean sawHolderDone = waiter.exclusively("default", holderDone::get);
        thread.join();
        assertThat(sawHolderDone).as("the waiter ran only after the holder's change, three leases long, ended").isTrue();
    }

    @Test
    void aLeaseLeftByAServerThatDiedIsTakenOverOnceUnrenewedForALease() throws Exception {
        SpaceLeases dead = server(Duration.ofMillis(500), Duration.ofHours(1), SpaceLeases.WAIT);
        CountDownLatch never = new CountDownLatch(1);
        // the holder has its lease and, renewing hourly, stands for a server that died
        holdInBackground(dead, () -> await(never));
        SpaceLeases survivor = server(Duration.ofMillis(500), Duration.ofMillis(100), Duration.ofSeconds(10));
        long started = System.nanoTime();
        assertThat(survivor.exclusively("default", () -> "taken over")).isEqualTo("taken over");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
        never.countDown();
    }

    @Test
    void aWaiterGivesUpAfterItsWaitWithAReasonAndRunsNothing() throws Exception {
        SpaceLeases holder = server(SpaceLeases.LEASE, Duration.ofMillis(100), SpaceLeases.WAIT);
        SpaceLeases waiter = server(SpaceLeases.LEASE, Duration.ofMillis(100), Duration.ofMillis(400));
        CountDownLatch release = new CountDownLatch(1);
        Thread thread = holdInBackground(holder, () -> await(release));
        AtomicBoolean ran = new AtomicBoolean();
        assertThatThrownBy(() -> waiter.exclusively("default", () -> ran.getAndSet(true)))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("Another server has been changing the engines of space 'default'")
                .hasMessageContaining("nothing was changed");
        assertThat(ran).isFalse();
        release.countDown();
        thread.join();
        assertThat(waiter.exclusively("default", () -> "free again")).isEqualTo("free again");
    }

    @Test
    void aLeaseIsNoSettingOfItsSpace() {
        SpaceLeases leases = server(SpaceLeases.LEASE, SpaceLeases.RENEW_EVERY, SpaceLeases.WAIT);
        leases.exclusively("default", () -> {
            refreshSettings();
            assertThat(settings.all("default")).isEmpty();
            return null;
        });
    }

    private void refreshSettings() {
        try {
            client.indices().refresh(r -> r.index(settings.name()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code change} holding the lease of space default on a thread of its own; returns once it holds it. */
    private static Thread holdInBackground(SpaceLeases leases, Runnable change) throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        Thread thread = new Thread(() -> leases.exclusively("default", () -> {
            holding.countDown();
            change.run();
            return null;
        }));
        thread.setDaemon(true);
        thread.start();
        assertThat(holding.await(10, TimeUnit.SECONDS)).as("the lease taken").isTrue();
        return thread;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
