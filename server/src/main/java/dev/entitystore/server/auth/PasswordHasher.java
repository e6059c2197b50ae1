package dev.entitystore.server.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted slow hashes of secrets: PBKDF2-HMAC-SHA256 from the JDK, stored as
 * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (base64). The iteration count travels with each hash,
 * so raising the default later leaves existing entries valid.
 */
public final class PasswordHasher {
    /** OWASP's figure for PBKDF2-HMAC-SHA256 (2023): about half a second here, paid once per credential thanks to the cache. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    private static final String PREFIX = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHasher() {}

    public static String hash(String secret) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] derived = derive(secret, salt, DEFAULT_ITERATIONS);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "$" + DEFAULT_ITERATIONS + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(derived);
    }

    /** Whether {@code secret} hashes to {@code stored}; the final comparison takes the same time wherever the bytes differ. */
    public static boolean verify(String secret, String stored) {
        Parsed parsed = parse(stored);
        // No secret we issue is empty, but an empty one must cost the same as a wrong one.
        boolean empty = secret.isEmpty();
        byte[] derived = derive(empty ? "\0" : secret, parsed.salt, parsed.iterations);
        return MessageDigest.isEqual(derived, parsed.hash) && !empty;
    }

    /** Refuses a stored value this class could not verify (used when the credentials file is read). */
    public static void requireWellFormed(String stored) {
        parse(stored);
    }

    private static Parsed parse(String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        if (parts.length != 4 || !PREFIX.equals(parts[0])) {
            throw new IllegalArgumentException("not a " + PREFIX + " hash");
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            Base64.Decoder b64 = Base64.getDecoder();
            byte[] salt = b64.decode(parts[2]);
            byte[] hash = b64.decode(parts[3]);
            if (iterations < 1 || salt.length == 0 || hash.length != HASH_BITS / 8) {
                throw new IllegalArgumentException("not a " + PREFIX + " hash");
            }
            return new Parsed(iterations, salt, hash);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a " + PREFIX + " hash", e);
        }
    }

    private static byte[] derive(String secret, byte[] salt, int iterations) {
        // The JDK's PBKDF2 encodes the chars as UTF-8.
        PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17 runtime", e);
        } finally {
            spec.clearPassword();
        }
    }

    private record Parsed(int iterations, byte[] salt, byte[] hash) {}
}
