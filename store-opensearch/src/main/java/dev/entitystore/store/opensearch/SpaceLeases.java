package dev.entitystore.store.opensearch;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.error.StoreUnavailableException;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpType;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch.core.GetResponse;
import org.opensearch.client.opensearch.core.IndexResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One engine or installation change per space at a time across every server on the cluster, so that two
 * changes never interleave their settings writes (a stop through one server undone by a config update
 * through another, two installs both answering 201). A server holds a space's lease while the lease's
 * document exists in the settings index: taken by creating it ({@code op_type=create}), renewed every
 * {@code renewEvery} by rewriting it conditionally, given back by deleting it conditionally.
 *
 * <p>A server that died holding a lease leaves the document behind. A waiter that sees the same document
 * (same {@code _seq_no}) for {@code lease} by its own clock deletes it, conditionally, and tries again: no
 * wall-clock time crosses servers, so their clocks need not agree. A holder paused longer than the lease
 * (a long GC) may lose it; it logs that, and its change goes on, as changes did before leases existed.
 */
final class SpaceLeases implements AutoCloseable {
    static final Duration LEASE = Duration.ofSeconds(10);
    static final Duration RENEW_EVERY = Duration.ofSeconds(3);
    static final Duration WAIT = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(SpaceLeases.class);
    private static final long FIRST_PAUSE_MILLIS = 5;
    private static final long MAX_PAUSE_MILLIS = 200;

    private final OpenSearchClient client;
    private final SettingsIndex settings;
    private final long leaseNanos;
    private final Duration renewEvery;
    private final long waitNanos;
    private final String owner = UUID.randomUUID().toString();
    private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "opensearch-space-leases");
        thread.setDaemon(true);
        return thread;
    });

    SpaceLeases(OpenSearchClient client, SettingsIndex settings) {
        this(client, settings, LEASE, RENEW_EVERY, WAIT);
    }

    SpaceLeases(OpenSearchClient client, SettingsIndex settings, Duration lease, Duration renewEvery, Duration wait) {
        this.client = client;
        this.settings = settings;
        this.leaseNanos = lease.toNanos();
        this.renewEvery = renewEvery;
        this.waitNanos = wait.toNanos();
    }

    /** Runs {@code change} holding the space's lease. */
    <T> T exclusively(String space, Supplier<T> change) {
        return exclusively(space, change, waitNanos);
    }

    /** As {@link #exclusively(String, Supplier)}, giving up after {@code wait} instead of the usual wait. */
    <T> T exclusively(String space, Supplier<T> change, Duration wait) {
        return exclusively(space, change, wait.toNanos());
    }

    private <T> T exclusively(String space, Supplier<T> change, long waitNanos) {
        Held held = take(space, waitNanos);
        try {
            return change.get();
        } finally {
            held.giveBack();
        }
    }

    @Override
    public void close() {
        renewals.shutdownNow();
    }

    private Held take(String space, long waitNanos) {
        settings.ensure();
        long deadline = System.nanoTime() + waitNanos;
        Long seenSeqNo = null;
        long seenSince = 0;
        for (int attempt = 0; ; attempt++) {
            Optional<Version> taken = create(space);
            if (taken.isPresent()) {
                return new Held(space, taken.get());
            }
            Optional<Version> holder = read(space);
            long now = System.nanoTime();
            if (holder.isPresent()) {
                if (seenSeqNo == null || seenSeqNo != holder.get().seqNo()) {
                    seenSeqNo = holder.get().seqNo();
                    seenSince = now;
                } else if (now - seenSince >= leaseNanos) {
                    LOG.warn("The engine change lease of space {} was not renewed for {} ms: its server is taken for gone",
                            space, TimeUnit.NANOSECONDS.toMillis(leaseNanos));
                    deleteIf(space, holder.get());
                    seenSeqNo = null;
                    continue;
                }
            }
            if (now - deadline >= 0) {
                throw new StoreUnavailableException("Another server has been changing the engines of space '" + space
                        + "' for over " + TimeUnit.NANOSECONDS.toSeconds(waitNanos) + " s: nothing was changed; try again", null);
            }
            pause(attempt);
        }
    }

    /** The lease's document as it stands: {@code _seq_no} and {@code _primary_term}. */
    private record Version(long seqNo, long primaryTerm) {
    }

    private Optional<Version> create(String space) {
        try {
            IndexResponse response = client.index(i -> i.index(settings.name()).id(id(space)).document(document(space))
                    .opType(OpType.Create));
            return Optional.of(new Version(response.seqNo(), response.primaryTerm()));
        } catch (OpenSearchException | IOException e) {
            if (BackendFailures.isConflict(e)) {
                return Optional.empty();
            }
            throw BackendFailures.failure("the engine change of space " + space, e);
        }
    }

    private Optional<Version> read(String space) {
        try {
            GetResponse<ObjectNode> response = client.get(g -> g.index(settings.name()).id(id(space)), ObjectNode.class);
            return response.found() ? Optional.of(new Version(response.seqNo(), response.primaryTerm())) : Optional.empty();
        } catch (OpenSearchException | IOException e) {
            throw BackendFailures.failure("the engine change of space " + space, e);
        }
    }

    /** Replaces the lease if it is still {@code current}; empty when it is not (taken over or gone). */
    private Optional<Version> renewIf(String space, Version current) {
        try {
            IndexResponse response = client.index(i -> i.index(settings.name()).id(id(space)).document(document(space))
                    .ifSeqNo(current.seqNo()).ifPrimaryTerm(current.primaryTerm()));
            return Optional.of(new Version(response.seqNo(), response.primaryTerm()));
        } catch (OpenSearchException | IOException e) {
            if (BackendFailures.isConflict(e)) {
                return Optional.empty();
            }
            throw BackendFailures.failure("the renewal of the engine change lease of space " + space, e);
        }
    }

    /** Deletes the lease if it is still {@code current}; another server's newer lease stays. */
    private void deleteIf(String space, Version current) {
        try {
            client.delete(d -> d.index(settings.name()).id(id(space)).ifSeqNo(current.seqNo()).ifPrimaryTerm(current.primaryTerm()));
        } catch (OpenSearchException | IOException e) {
            if (!BackendFailures.isConflict(e) && !BackendFailures.isNotFound(e)) {
                throw BackendFailures.failure("the engine change of space " + space, e);
            }
        }
    }

    private ObjectNode document(String space) {
        return SettingsIndex.ownDocument(id(space), JsonNodeFactory.instance.objectNode().put("owner", owner));
    }

    /** Never a setting's id: those start with the space's length. */
    private static String id(String space) {
        return "lease:" + space;
    }

    private static void pause(int attempt) {
        long millis = Math.min(MAX_PAUSE_MILLIS, FIRST_PAUSE_MILLIS << Math.min(attempt, 10));
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting for another server's engine change: nothing was changed", e);
        }
    }

    /** A lease this server holds, renewed in the background until given back. */
    private final class Held {
        private final String space;
        private final ScheduledFuture<?> renewal;
        private Version version;
        private boolean done;

        Held(String space, Version version) {
            this.space = space;
            this.version = version;
            long every = renewEvery.toMillis();
            this.renewal = renewals.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
        }

        private synchronized void renew() {
            if (done) {
                return;
            }
            try {
                Optional<Version> renewed = renewIf(space, version);
                if (renewed.isPresent()) {
                    version = renewed.get();
                    return;
                }
                LOG.warn("The engine change lease of space {} was taken over while its change ran (paused for over {} ms?)",
                        space, TimeUnit.NANOSECONDS.toMillis(leaseNanos));
                done = true;
                renewal.cancel(false);
            } catch (RuntimeException e) {
                // The next renewal tries again; the lease stays ours unless a waiter sees it unrenewed for a whole lease.
                LOG.warn("The engine change lease of space {} could not be renewed: {}", space, e.getMessage());
            }
        }

        synchronized void giveBack() {
            renewal.cancel(false);
            if (done) {
                return;
            }
            done = true;
            try {
                deleteIf(space, version);
            } catch (RuntimeException e) {
                // Never hides the change's own outcome; a waiter takes the lease over once it is a lease old.
                LOG.warn("The engine change lease of space {} could not be given back: {}", space, e.getMessage());
            }
        }
    }
}
