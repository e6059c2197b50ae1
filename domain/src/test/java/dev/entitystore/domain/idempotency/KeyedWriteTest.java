package dev.entitystore.domain.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a store gets from a keyed request to record with its write, and when. */
class KeyedWriteTest {
    private static final IdempotencyKey KEY = new IdempotencyKey("default", "anonymous", "k1");
    private static final KeyedRequest PENDING = KeyedRequest.pending("fp", 1_000);

    private static KeyedWrite write() {
        return new KeyedWrite(KEY, PENDING, answer -> new RecordedAnswer(200, Map.of("ETag", "\"" + answer + "\""),
                String.valueOf(answer).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void outsideAKeyedRequestNothingIsTaken() {
        KeyedWrite.expect(Long.class, Optional::of);
        KeyedWrite.answerWith(result -> result);
        assertThat(KeyedWrite.take()).isEmpty();
    }

    @Test
    void aWriteIsRecordedOnlyWhenBothTheUseCaseAndTheRouteNamedItsAnswer() {
        try (KeyedWrite.Scope bound = KeyedWrite.bind(write())) {
            KeyedWrite.expect(Long.class, Optional::of);
            assertThat(KeyedWrite.take()).as("no route answer named").isEmpty();
            KeyedWrite.answerWith(result -> "v" + result);
            assertThat(KeyedWrite.take()).isPresent();
            assertThat(KeyedWrite.take()).as("taken once: the request's later writes record nothing").isEmpty();
        }
    }

    @Test
    void theAnswerRenderedFromTheOutcomeIsRecordedOnlyOnceCommitted() {
        KeyedWrite write = write();
        try (KeyedWrite.Scope bound = KeyedWrite.bind(write)) {
            KeyedWrite.answerWith(result -> "v" + result);
            KeyedWrite.expect(Long.class, version -> version > 0 ? Optional.of(version) : Optional.empty());
            KeyedWrite.Recording recording = KeyedWrite.take().orElseThrow();
            RecordedAnswer expected = new RecordedAnswer(200, Map.of("ETag", "\"v3\""), "v3".getBytes(StandardCharsets.UTF_8));
            assertThat(recording.answered(3L)).contains(new KeyedRequest("fp", 1_000, Optional.of(expected)));
            assertThat(write.recorded()).isEmpty();
            recording.committed();
            assertThat(write.recorded()).contains(expected);
        }
    }

    @Test
    void anOutcomeThatAnswersNoSuccessOrFailsToRenderRecordsNothing() {
        KeyedWrite write = write();
        try (KeyedWrite.Scope bound = KeyedWrite.bind(write)) {
            KeyedWrite.answerWith(result -> {
                throw new IllegalStateException("cannot render");
            });
            KeyedWrite.expect(Long.class, version -> version > 0 ? Optional.of(version) : Optional.empty());
            KeyedWrite.Recording recording = KeyedWrite.take().orElseThrow();
            assertThat(recording.answered(0L)).isEmpty();
            assertThat(recording.answered(5L)).isEmpty();
            assertThat(recording.answered("not a version")).isEmpty();
            recording.committed();
            assertThat(write.recorded()).isEmpty();
        }
    }
}
