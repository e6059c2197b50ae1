package dev.entitystore.domain.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entitystore.domain.error.IdempotencyKeyReusedException;
import dev.entitystore.domain.error.IdempotentRequestInFlightException;
import dev.entitystore.domain.error.InvalidRequestException;
import dev.entitystore.domain.testing.InMemoryIdempotencyStore;
import dev.entitystore.domain.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdempotentRequestsTest {
    private static final IdempotencyKey KEY = new IdempotencyKey("default", "user:alice", "k-1");
    private static final RecordedAnswer OK = new RecordedAnswer(200, Map.of("ETag", "\"1\""),
            "{\"ok\":true}".getBytes(StandardCharsets.UTF_8));

    private final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore();
    private final MutableClock clock = new MutableClock();
    private final IdempotentRequests requests = new IdempotentRequests(store, Duration.ofHours(24), clock);

    private static String body(String text) {
        return IdempotentRequests.fingerprint("PUT", "/api/security/entity_store/entities/host", "force=true",
                text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theFirstRequestHoldsTheKeyAndItsRetryGetsTheRecordedAnswer() {
        IdempotentRequests.Start first = requests.begin(KEY, body("{}"));
        assertThat(first).isInstanceOf(IdempotentRequests.Held.class);
        requests.record((IdempotentRequests.Held) first, OK);
        clock.advance(Duration.ofHours(23));
        assertThat(requests.begin(KEY, body("{}"))).isEqualTo(new IdempotentRequests.Replay(OK));
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefusedWhetherAnsweredOrNot() {
        IdempotentRequests.Held held = (IdempotentRequests.Held) requests.begin(KEY, body("{}"));
        assertThatThrownBy(() -> requests.begin(KEY, body("{\"a\":1}"))).isInstanceOf(IdempotencyKeyReusedException.class)
                .hasMessage("Idempotency-Key 'k-1' was already used for a different request; a new request needs a new key");
        requests.record(held, OK);
        assertThatThrownBy(() -> requests.begin(KEY, IdempotentRequests.fingerprint("POST",
                "/api/security/entity_store/entities/host", "force=true", "{}".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IdempotencyKeyReusedException.class);
    }

    @Test
    void aRetryWhileTheFirstIsServedIsAConflictUntilItsLeaseRunsOut() {
        requests.begin(KEY, body("{}"));
        assertThatThrownBy(() -> requests.begin(KEY, body("{}"))).isInstanceOf(IdempotentRequestInFlightException.class)
                .hasMessage("A request with Idempotency-Key 'k-1' is still being served; retry once it has been answered");
        clock.advance(IdempotentRequests.PENDING_LEASE);
        assertThat(requests.begin(KEY, body("{}"))).isInstanceOf(IdempotentRequests.Held.class);
    }

    @Test
    void anAbandonedKeyRunsTheRetryAgain() {
        requests.abandon((IdempotentRequests.Held) requests.begin(KEY, body("{}")));
        assertThat(requests.begin(KEY, body("{\"other\":true}"))).isInstanceOf(IdempotentRequests.Held.class);
    }

    @Test
    void pastTheWindowTheKeyIsFreeAndPruned() {
        requests.record((IdempotentRequests.Held) requests.begin(KEY, body("{}")), OK);
        clock.advance(Duration.ofHours(24).plusMillis(1));
        assertThat(requests.prune()).isEqualTo(1);
        assertThat(requests.begin(KEY, body("{\"new\":1}"))).isInstanceOf(IdempotentRequests.Held.class);
    }

    @Test
    void anExpiredAnswerIsReplacedEvenBeforeItIsPruned() {
        requests.record((IdempotentRequests.Held) requests.begin(KEY, body("{}")), OK);
        clock.advance(Duration.ofHours(25));
        assertThat(requests.begin(KEY, body("{}"))).isInstanceOf(IdempotentRequests.Held.class);
    }

    @Test
    void keysAreOneToTwoHundredFiftyFivePrintableAsciiCharacters() {
        IdempotentRequests.checkKey("a");
        IdempotentRequests.checkKey("x".repeat(255));
        IdempotentRequests.checkKey("9b2f6c1e-5d0a 4e57:/+=");
        for (String bad : new String[] {"", "x".repeat(256), "tab\there", "é"}) {
            assertThatThrownBy(() -> IdempotentRequests.checkKey(bad)).as(bad).isInstanceOf(InvalidRequestException.class)
                    .hasMessage("[request headers]: Idempotency-Key: expected 1 to 255 printable ASCII characters");
        }
    }

    @Test
    void theFingerprintCoversMethodPathQueryAndBody() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String base = IdempotentRequests.fingerprint("PUT", "/p", "q=1", body);
        assertThat(IdempotentRequests.fingerprint("PUT", "/p", "q=1", body)).isEqualTo(base);
        assertThat(IdempotentRequests.fingerprint("POST", "/p", "q=1", body)).isNotEqualTo(base);
        assertThat(IdempotentRequests.fingerprint("PUT", "/s/x/p", "q=1", body)).isNotEqualTo(base);
        assertThat(IdempotentRequests.fingerprint("PUT", "/p", null, body)).isNotEqualTo(base);
        assertThat(IdempotentRequests.fingerprint("PUT", "/p", "q=1", "{ }".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(base);
    }
}
