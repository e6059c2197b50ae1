package dev.entitystore.domain.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entitystore.domain.idempotency.IdempotencyKey;
import dev.entitystore.domain.idempotency.IdempotencyStore;
import dev.entitystore.domain.idempotency.KeyedRequest;
import dev.entitystore.domain.idempotency.RecordedAnswer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every adapter of {@link IdempotencyStore} promises: a key is taken once (also under concurrent
 * claims), holds its pending and then answered entry exactly as written, is replaced only when the caller
 * says so, is given back only while pending, and is pruned by age. Subclasses hand in a fresh store.
 */
public abstract class IdempotencyStoreContract {
    protected abstract IdempotencyStore store();

    protected static final IdempotencyKey KEY = new IdempotencyKey("default", "api_key:k1", "retry-1");
    protected static final RecordedAnswer ANSWER = new RecordedAnswer(200,
            Map.of("Content-Type", "application/json", "ETag", "\"3\""), "{\"ok\":true}".getBytes(StandardCharsets.UTF_8));

    protected static KeyedRequest answered(String fingerprint, long started) {
        return new KeyedRequest(fingerprint, started, Optional.of(ANSWER));
    }

    @Test
    void aFreeKeyIsTakenAndThenHeldByItsPendingEntry() {
        IdempotencyStore store = store();
        assertThat(store.claim(KEY, KeyedRequest.pending("fp1", 1_000), held -> false)).isEmpty();
        assertThat(store.claim(KEY, KeyedRequest.pending("fp2", 2_000), held -> false))
                .contains(KeyedRequest.pending("fp1", 1_000));
    }

    @Test
    void anAnswerIsReadBackExactlyAsRecorded() {
        IdempotencyStore store = store();
        store.claim(KEY, KeyedRequest.pending("fp1", 1_000), held -> false);
        store.answer(KEY, answered("fp1", 1_000));
        assertThat(store.claim(KEY, KeyedRequest.pending("fp1", 5_000), held -> false)).contains(answered("fp1", 1_000));
    }

    @Test
    void keysAreSeparateBySpaceCallerAndKey() {
        IdempotencyStore store = store();
        store.claim(KEY, KeyedRequest.pending("fp1", 1_000), held -> false);
        for (IdempotencyKey other : List.of(new IdempotencyKey("other", KEY.caller(), KEY.key()),
                new IdempotencyKey(KEY.space(), "user:bob", KEY.key()), new IdempotencyKey(KEY.space(), KEY.caller(), "retry-2"))) {
            assertThat(store.claim(other, KeyedRequest.pending("fp9", 1_000), held -> false)).as(other.toString()).isEmpty();
        }
    }

    @Test
    void aReplaceableEntryGivesWayToTheNewClaim() {
        IdempotencyStore store = store();
        store.claim(KEY, KeyedRequest.pending("fp1", 1_000), held -> false);
        store.answer(KEY, answered("fp1", 1_000));
        assertThat(store.claim(KEY, KeyedRequest.pending("fp2", 9_000), held -> held.startedMillis() < 5_000)).isEmpty();
        assertThat(store.claim(KEY, KeyedRequest.pending("fp3", 9_500), held -> false))
                .contains(KeyedRequest.pending("fp2", 9_000));
    }

    @Test
    void releaseGivesBackOnlyAPendingKey() {
        IdempotencyStore store = store();
        store.claim(KEY, KeyedRequest.pending("fp1", 1_000), held -> false);
        store.release(KEY);
        assertThat(store.claim(KEY, KeyedRequest.pending("fp2", 2_000), held -> false)).isEmpty();
        store.answer(KEY, answered("fp2", 2_000));
        store.release(KEY);
        assertThat(store.claim(KEY, KeyedRequest.pending("fp3", 3_000), held -> false)).contains(answered("fp2", 2_000));
    }

    @Test
    void pruneRemovesTheEntriesTakenBeforeTheCutOnly() {
        IdempotencyStore store = store();
        IdempotencyKey old = new IdempotencyKey("default", "anonymous", "old");
        IdempotencyKey recent = new IdempotencyKey("default", "anonymous", "recent");
        store.claim(old, KeyedRequest.pending("a", 1_000), held -> false);
        store.answer(old, answered("a", 1_000));
        store.claim(recent, KeyedRequest.pending("b", 5_000), held -> false);
        assertThat(store.prune(5_000)).isEqualTo(1);
        assertThat(store.claim(old, KeyedRequest.pending("c", 6_000), held -> false)).isEmpty();
        assertThat(store.claim(recent, KeyedRequest.pending("d", 6_000), held -> false))
                .contains(KeyedRequest.pending("b", 5_000));
    }

    @Test
    void ofConcurrentClaimsOfOneKeyExactlyOneTakesIt() throws Exception {
        IdempotencyStore store = store();
        // A first use apart: what is raced here is the claim, not a backend's first-use set-up.
        store.claim(new IdempotencyKey("default", "anonymous", "warm-up"), KeyedRequest.pending("w", 1_000), held -> false);
        int claimers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(claimers);
        try {
            List<Callable<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < claimers; i++) {
                String fingerprint = "fp" + i;
                claims.add(() -> store.claim(KEY, KeyedRequest.pending(fingerprint, 1_000), held -> false).isEmpty());
            }
            int taken = 0;
            for (Future<Boolean> claim : pool.invokeAll(claims)) {
                taken += claim.get() ? 1 : 0;
            }
            assertThat(taken).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
