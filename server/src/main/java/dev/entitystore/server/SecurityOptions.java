package dev.entitystore.server;

import java.nio.file.Path;

/**
 * The security settings: the credentials file (none = anonymous, loopback only), whether
 * {@code GET /api/status} answers without credentials (Kibana's {@code status.allowAnonymous}), and the
 * TLS key store with its password (none = plain HTTP). Kept apart from {@link ServerConfig}'s other
 * settings so each concern stays small.
 */
public record SecurityOptions(Path credentialsFile, boolean statusAllowsAnonymous, boolean metricsAllowAnonymousLoopback,
                              Path tlsKeyStore, String tlsKeyStorePassword) {
    public static final SecurityOptions NONE = new SecurityOptions(null, false, false, null, null);

    public SecurityOptions {
        if (tlsKeyStore != null && (tlsKeyStorePassword == null || tlsKeyStorePassword.isEmpty())) {
            throw new ConfigException("a TLS key store needs its password (ENTITY_STORE_TLS_KEYSTORE_PASSWORD / --tls-keystore-password)");
        }
        if (tlsKeyStore == null && tlsKeyStorePassword != null) {
            throw new ConfigException("a TLS key store password was given without a key store (ENTITY_STORE_TLS_KEYSTORE / --tls-keystore)");
        }
    }

    static SecurityOptions parse(String credentialsFile, boolean statusAllowsAnonymous, boolean metricsAllowAnonymousLoopback,
                                 String tlsKeyStore, String tlsPassword) {
        return new SecurityOptions(
                credentialsFile == null || credentialsFile.isEmpty() ? null : Path.of(credentialsFile),
                statusAllowsAnonymous, metricsAllowAnonymousLoopback,
                tlsKeyStore == null || tlsKeyStore.isEmpty() ? null : Path.of(tlsKeyStore),
                tlsPassword);
    }

    public boolean hasCredentials() {
        return credentialsFile != null;
    }

    public boolean hasTls() {
        return tlsKeyStore != null;
    }

    /** Never prints the key store password (records print every component by default). */
    @Override
    public String toString() {
        return "SecurityOptions[credentialsFile=" + credentialsFile + ", statusAllowsAnonymous=" + statusAllowsAnonymous
                + ", metricsAllowAnonymousLoopback=" + metricsAllowAnonymousLoopback + ", tlsKeyStore=" + tlsKeyStore
                + ", tlsKeyStorePassword=" + (tlsKeyStorePassword == null ? null : "****") + "]";
    }
}
