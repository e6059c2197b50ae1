package dev.entitystore.domain.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The stored document id: the lowercase hex SHA-256 of the UTF-8 EUID (product rules §3.9). The EUID
 * itself stays what every API path and body shows; only storage keys use the hash.
 */
public final class EntityIds {
    private static final HexFormat HEX = HexFormat.of();
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(EntityIds::newDigest);

    private EntityIds() {
    }

    /** 64 lowercase hex characters. */
    public static String documentId(String euid) {
        MessageDigest digest = SHA_256.get();
        digest.reset();
        return HEX.formatHex(digest.digest(euid.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
