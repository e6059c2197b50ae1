package dev.entitystore.domain.idempotency;

import java.util.Objects;

/**
 * Where a client's {@code Idempotency-Key} lives: keys are per space and per credential, so two callers
 * (or one caller in two spaces) never see each other's answers.
 *
 * @param space  the space the request addressed
 * @param caller who sent it: {@code <credential kind>:<id>}, or {@code anonymous}
 * @param key    the header's value
 */
public record IdempotencyKey(String space, String caller, String key) {
    public IdempotencyKey {
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(key, "key");
    }

    /** A fixed-length id for storage: hex SHA-256 of the three parts (a key may hold any printable character). */
    public String storageId() {
        return Sha256.hex(space + '\n' + caller + '\n' + key, new byte[0]);
    }
}
