package dev.entitystore.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Headers already verified, so a client pays the slow hash once rather than on every request. Keyed by
 * an HMAC-SHA256 of the header under a key made at start-up: the cache never holds a secret, nor an
 * unsalted hash of a password that could be attacked offline. Bounded: past the limit it starts over.
 * Emptied whenever the credentials file changes, so a removed key stops working.
 */
final class VerifiedCache {
    private static final int MAX_ENTRIES = 10_000;

    private final Map<String, Principal> verified = new ConcurrentHashMap<>();
    private final SecretKeySpec key;
    private volatile Object generation;

    VerifiedCache() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    /** The principal a header was verified as, if it was, under this version of the credentials. */
    Principal get(String header, Object currentGeneration) {
        if (currentGeneration != generation) {
            synchronized (this) {
                if (currentGeneration != generation) {
                    verified.clear();
                    generation = currentGeneration;
                }
            }
            return null;
        }
        return verified.get(fingerprint(header));
    }

    void put(String header, Object atGeneration, Principal principal) {
        if (atGeneration != generation) {
            return;
        }
        if (verified.size() >= MAX_ENTRIES) {
            verified.clear();
        }
        verified.put(fingerprint(header), principal);
    }

    private String fingerprint(String header) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getEncoder().encodeToString(mac.doFinal(header.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java 17 runtime", e);
        }
    }
}
