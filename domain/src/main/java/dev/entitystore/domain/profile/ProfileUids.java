package dev.entitystore.domain.profile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Profile uids as Elasticsearch makes them: {@code u_<base64url(sha256(username))>_<n>}, where the
 * differentiator {@code n} (0 to 9) moves on only when another user already holds the uid.
 */
public final class ProfileUids {
    public static final int MAX_DIFFERENTIATOR = 9;

    private ProfileUids() {
    }

    public static String of(String username, int differentiator) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(username.getBytes(StandardCharsets.UTF_8));
            return "u_" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash) + "_" + differentiator;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
