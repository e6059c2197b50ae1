package dev.entitystore.bench.durability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.bench.http.EntityStoreClient;
import dev.entitystore.bench.records.EntityRecords;
import dev.entitystore.bench.server.ServerProcess;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server is killed with SIGKILL at random moments while clients send single updates, bulk
 * updates and creates; after each restart on the same data every acknowledged write is there whole, no
 * record is half-merged, bulks are all-or-nothing, and list agrees with get ({@link RecoveryCheck}). The
 * last round kills it while it takes one large bulk after another. At the end the change feed, read from its
 * first change, holds every acknowledged write exactly once and nothing twice ({@link FeedCheck}).
 *
 * <p>The moments come from a seed printed at the start; rerun one with {@code -Dcrash.seed=<seed>}
 * ({@code -Dcrash.rounds=<n>} for more rounds).
 */
class CrashRecoveryIT {
    // Not final: OpenSearchCrashRecoveryIT runs the same rounds on the OpenSearch backend.
    private static final Path JAR = Path.of(System.getProperty("server.jar", "../server/target/entity-store-server.jar"));
    private static final int PER_TYPE = 150;
    /** The server's output, all rounds, for a look after a failure. */
    private static final Path SERVER_LOG = Path.of("target", "crash-recovery-server.log");
    private static final List<String> SERVER_ARGS = List.of("--max-body-bytes", String.valueOf(8 << 20));
    private static final List<String> JVM = List.of("-Xmx512m");

    @TempDir
    Path dataDir;

    @Test
    // A hang guard; the OpenSearch variant takes ~6 min at a load of 15-20 (restarts ~15 s each).
    @Timeout(value = 12, unit = TimeUnit.MINUTES)
    void everyAcknowledgedWriteSurvivesSigkillWholeAndListAgreesWithGetAfterRestart() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        int rounds = Integer.getInteger("crash.rounds", 5);
        System.out.printf("[crash] seed %d, %d rounds + a big-bulk round (rerun with -Dcrash.seed=%d)%n", seed, rounds, seed);
        Random random = new Random(seed);
        WriteLedger ledger = new WriteLedger();
        List<Target> targets = Target.population(PER_TYPE);

        ServerProcess server = start();
        try {
            populate(client(server), targets);
            for (int round = 1; round <= rounds + 1; round++) {
                boolean bigBulkRound = round == rounds + 1;
                CrashLoad load = new CrashLoad(client(server), ledger, targets, round, random.nextLong());
                long started = System.nanoTime();
                // The random moment counts from the first answers: a kill before any write was answered
                // (a slow start on a busy machine) would check nothing.
                if (bigBulkRound) {
                    load.bigBulks();
                    awaitAcknowledged(load, targets.size());
                    Thread.sleep(random.nextInt(1_000));
                } else {
                    load.mixed();
                    awaitAcknowledged(load, 50);
                    Thread.sleep(random.nextInt(2_000));
                }
                server.kill();
                long killedAfter = (System.nanoTime() - started) / 1_000_000;
                load.stopAndJoin();
                assertThat(load.unexpected()).as("answers before the kill").isEmpty();

                server = start();
                List<String> violations = new RecoveryCheck(client(server), ledger, targets, bulksAreOneUnit()).run();
                System.out.printf("[crash] round %d%s: killed after %d ms with %d writes acknowledged this round"
                                + " (bulks unanswered at the kill: %s); restarted in %d ms; %d violations%n",
                        round, bigBulkRound ? " (big bulks)" : "", killedAfter, load.acknowledgedWrites(),
                        ledger.unansweredBulks().stream().map(b -> b.label() + "#" + b.counter() + "x" + b.entityIds().size()).toList(),
                        server.startMillis(), violations.size());
                assertThat(violations).as("after the kill of round %d (seed %d)", round, seed).isEmpty();
                assertThat(server.errorLines()).as("ERROR lines of the restarted server:\n%s", server.tail()).isZero();
            }
            FeedCheck feed = new FeedCheck(client(server), ledger);
            List<String> feedViolations = feed.run();
            System.out.printf("[crash] change feed after the last restart: %d changes, %d violations%n", feed.changes(),
                    feedViolations.size());
            assertThat(feedViolations).as("the change feed after every kill (seed %d)", seed).isEmpty();
            checkCatchesALostWrite(client(server), ledger, targets, bulksAreOneUnit());
        } finally {
            server.close();
        }
    }

    private ServerProcess start() {
        return ServerProcess.start(JAR, dataDir, JVM, SERVER_ARGS, backend(), serverLog(), 180);
    }

    /** The server's backend settings ({@code ENTITY_STORE_*}): none, the embedded store in {@link #dataDir}. */
    protected Map<String, String> backend() {
        return Map.of();
    }

    /** Whether a bulk cut short by the kill must be all there or not at all (the embedded store's promise). */
    protected boolean bulksAreOneUnit() {
        return true;
    }

    protected Path serverLog() {
        return SERVER_LOG;
    }

    private static EntityStoreClient client(ServerProcess server) {
        return new EntityStoreClient(server.baseUri(), null);
    }

    /** Installs every engine and creates the targets as the kit's ~1 KB records. */
    private static void populate(EntityStoreClient client, List<Target> targets) throws Exception {
        assertThat(client.install("host", "user", "service", "generic").status()).isEqualTo(201);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> creates = targets.stream().map(target -> pool.submit(() -> {
                ObjectNode body = EntityRecords.of(target.type()).create(target.number(), new Random(target.number()));
                return client.create(target.type().wireName(), body.toString()).status();
            })).toList();
            for (Future<Integer> create : creates) {
                assertThat(create.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
    }

    /**
     * The checks can fail: claim one more acknowledged write than any sent, and it must be reported as
     * lost, by the records and by the feed (a check that passes whatever the store did would prove nothing).
     */
    private static void checkCatchesALostWrite(EntityStoreClient client, WriteLedger ledger, List<Target> targets,
                                               boolean bulksAreOneUnit) {
        Target target = targets.get(0);
        long claimed = ledger.next("s0", target.id());
        ledger.attempted("s0", target.id(), claimed);
        ledger.acknowledged("s0", target.id(), claimed);
        List<String> violations = new RecoveryCheck(client, ledger, targets, bulksAreOneUnit).run();
        assertThat(violations).hasSize(1);
        assertThat(violations.get(0)).startsWith(target.id() + ": s0 is ").endsWith(" but " + claimed + " was acknowledged");
        assertThat(new FeedCheck(client, ledger).run())
                .containsExactly(target.id() + ": s0 " + claimed + " was acknowledged but is in the feed 0 times");
    }

    /** Waits until {@code writes} writes of this round were acknowledged. */
    private static void awaitAcknowledged(CrashLoad load, int writes) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (load.acknowledgedWrites() < writes && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(load.acknowledgedWrites()).as("writes acknowledged before the kill").isGreaterThanOrEqualTo(writes);
    }
}
