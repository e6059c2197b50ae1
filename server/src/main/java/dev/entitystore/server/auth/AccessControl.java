package dev.entitystore.server.auth;

import dev.entitystore.server.ConfigException;
import dev.entitystore.server.SecurityOptions;
import java.io.IOException;
import java.nio.file.Path;
import org.glassfish.jersey.server.ResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may call the server: nobody is checked when no credentials file is configured (anonymous,
 * loopback only, enforced at start-up); otherwise every request is authenticated and authorized.
 * Opened before the store, so a bad credentials file stops start-up with one sentence.
 */
public final class AccessControl {
    private static final Logger LOG = LoggerFactory.getLogger(AccessControl.class);

    private final Authenticator authenticator;
    private final boolean statusAllowsAnonymous;
    private final boolean metricsAllowAnonymousLoopback;

    private AccessControl(Authenticator authenticator, boolean statusAllowsAnonymous, boolean metricsAllowAnonymousLoopback) {
        this.authenticator = authenticator;
        this.statusAllowsAnonymous = statusAllowsAnonymous;
        this.metricsAllowAnonymousLoopback = metricsAllowAnonymousLoopback;
    }

    public static AccessControl from(SecurityOptions options) {
        if (!options.hasCredentials()) {
            return new AccessControl(null, true, true);
        }
        Path file = options.credentialsFile();
        Authenticator authenticator;
        try {
            authenticator = Authenticator.open(file);
        } catch (IOException e) {
            throw new ConfigException(e.getMessage()
                    + " (ENTITY_STORE_CREDENTIALS_FILE / --credentials-file; create it with: credentials add-key --file " + file + ")", e);
        }
        if (authenticator.credentialCount() == 0) {
            throw new ConfigException("credentials file " + file
                    + " holds no credential: nobody could sign in (add one with: credentials add-key --file " + file + ")");
        }
        if (CredentialsFile.readableByOthers(file)) {
            LOG.warn("Credentials file {} is readable by other users; it holds only hashes, but chmod 600 is advised", file);
        }
        return new AccessControl(authenticator, options.statusAllowsAnonymous(), options.metricsAllowAnonymousLoopback());
    }

    public boolean checksCredentials() {
        return authenticator != null;
    }

    public int credentialCount() {
        return authenticator == null ? 0 : authenticator.credentialCount();
    }

    /** Elasticsearch's privileges for the user-profile routes, over the same credentials. */
    public ProfilePrivileges profilePrivileges() {
        return new ProfilePrivileges(authenticator);
    }

    /** Kibana's order: authentication (priority AUTHENTICATION) before XSRF, route privileges after it. */
    public void register(ResourceConfig app) {
        if (authenticator == null) {
            return;
        }
        app.register(new AuthenticationFilter(authenticator, statusAllowsAnonymous, metricsAllowAnonymousLoopback));
        app.register(AuthorizationFilter.class);
    }
}
