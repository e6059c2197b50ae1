package dev.entitystore.domain.idempotency;

import java.util.Optional;

/**
 * What a store holds under an {@link IdempotencyKey}: the request that first used it and, once served,
 * its answer.
 *
 * @param fingerprint   what identifies the request (method, path, query, body): {@link IdempotentRequests#fingerprint}
 * @param startedMillis when the key was taken (epoch ms); the window runs from here
 * @param answer        the recorded answer; empty while the request is being served
 */
public record KeyedRequest(String fingerprint, long startedMillis, Optional<RecordedAnswer> answer) {
    public static KeyedRequest pending(String fingerprint, long startedMillis) {
        return new KeyedRequest(fingerprint, startedMillis, Optional.empty());
    }
}
