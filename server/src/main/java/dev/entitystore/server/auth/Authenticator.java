package dev.entitystore.server.auth;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * Checks an {@code Authorization} header against the credentials file. An unknown id or user costs the
 * same slow hash as a wrong secret (checked against a dummy hash), so timing does not tell which ids
 * exist; hashes are compared in constant time ({@link PasswordHasher}). Verified headers are cached.
 *
 * <p>Slow hashes run one at a time: a client sending made-up credentials can then hold at most one core,
 * whatever its concurrency, while requests whose credential is cached never wait for a hash.
 */
public final class Authenticator {
    private final ReloadingCredentials credentials;
    private final VerifiedCache cache = new VerifiedCache();
    private final String dummyHash;
    private final Semaphore slowChecks = new Semaphore(1, true);

    private Authenticator(ReloadingCredentials credentials) {
        this.credentials = credentials;
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        this.dummyHash = PasswordHasher.hash(Base64.getEncoder().encodeToString(random));
    }

    /** Opens the credentials file; a missing or invalid file is an {@link IOException} naming it. */
    public static Authenticator open(Path file) throws IOException {
        return new Authenticator(ReloadingCredentials.open(file));
    }

    /** How many credentials the file holds now (for the start-up log). */
    public int credentialCount() {
        return credentials.size();
    }

    /** The user of that name in the credentials file as it is now, if any (no secret is checked). */
    public Optional<StoredCredential> user(String username) {
        return Optional.ofNullable(credentials.current().find(StoredCredential.Kind.USER, username));
    }

    /** The principal the header authenticates, or empty for anything missing, malformed, unknown or wrong. */
    public Optional<Principal> authenticate(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        ReloadingCredentials.Snapshot snapshot = credentials.current();
        Principal cached = cache.get(header, snapshot);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<PresentedCredential> presented = PresentedCredential.parse(header);
        if (presented.isEmpty()) {
            return Optional.empty();
        }
        StoredCredential stored = snapshot.find(presented.get().kind(), presented.get().id());
        boolean matches = slowCheck(presented.get().secret(), stored == null ? dummyHash : stored.hash());
        if (!matches || stored == null) {
            return Optional.empty();
        }
        Principal principal = Principal.of(stored);
        cache.put(header, snapshot, principal);
        return Optional.of(principal);
    }

    private boolean slowCheck(String secret, String hash) {
        slowChecks.acquireUninterruptibly();
        try {
            return PasswordHasher.verify(secret, hash);
        } finally {
            slowChecks.release();
        }
    }
}
