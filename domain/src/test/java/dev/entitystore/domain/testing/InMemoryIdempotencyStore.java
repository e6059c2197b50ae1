package dev.entitystore.domain.testing;

import dev.entitystore.domain.idempotency.IdempotencyKey;
import dev.entitystore.domain.idempotency.IdempotencyStore;
import dev.entitystore.domain.idempotency.KeyedRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** The reference {@link IdempotencyStore} of the domain's tests: a map, one caller at a time. */
public final class InMemoryIdempotencyStore implements IdempotencyStore {
    private final Map<IdempotencyKey, KeyedRequest> entries = new HashMap<>();

    @Override
    public synchronized Optional<KeyedRequest> claim(IdempotencyKey key, KeyedRequest pending,
                                                     Predicate<KeyedRequest> replaceable) {
        KeyedRequest held = entries.get(key);
        if (held != null && !replaceable.test(held)) {
            return Optional.of(held);
        }
        entries.put(key, pending);
        return Optional.empty();
    }

    @Override
    public synchronized void answer(IdempotencyKey key, KeyedRequest answered) {
        entries.put(key, answered);
    }

    @Override
    public synchronized void release(IdempotencyKey key) {
        KeyedRequest held = entries.get(key);
        if (held != null && held.answer().isEmpty()) {
            entries.remove(key);
        }
    }

    @Override
    public synchronized long prune(long startedBeforeMillis) {
        int before = entries.size();
        entries.values().removeIf(held -> held.startedMillis() < startedBeforeMillis);
        return before - entries.size();
    }
}
