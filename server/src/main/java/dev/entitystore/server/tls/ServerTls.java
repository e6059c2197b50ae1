package dev.entitystore.server.tls;

import dev.entitystore.server.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.util.Collections;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.glassfish.grizzly.ssl.SSLEngineConfigurator;

/**
 * HTTPS from a key store (PKCS12 or JKS, detected from the file; the key's password is the store's, as
 * keytool makes PKCS12 stores). Anything wrong with it stops start-up with one sentence naming the
 * setting, never a stack trace.
 */
public final class ServerTls {
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private ServerTls() {}

    public static SSLEngineConfigurator configurator(Path keyStorePath, String password) {
        SSLContext context = context(keyStorePath, password.toCharArray());
        SSLEngineConfigurator configurator = new SSLEngineConfigurator(context, false, false, false);
        configurator.setEnabledProtocols(PROTOCOLS);
        return configurator;
    }

    private static SSLContext context(Path path, char[] password) {
        String setting = " (ENTITY_STORE_TLS_KEYSTORE / --tls-keystore)";
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new ConfigException("TLS key store " + path + " is not a readable file" + setting);
        }
        KeyStore keyStore;
        try {
            keyStore = KeyStore.getInstance(path.toFile(), password);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new ConfigException("cannot open TLS key store " + path
                        + ": wrong password (ENTITY_STORE_TLS_KEYSTORE_PASSWORD / --tls-keystore-password)");
            }
            throw new ConfigException("cannot read TLS key store " + path + ": " + e.getMessage() + setting);
        } catch (GeneralSecurityException e) {
            throw new ConfigException("cannot read TLS key store " + path + ": not a PKCS12 or JKS key store" + setting);
        }
        try {
            if (Collections.list(keyStore.aliases()).stream().noneMatch(alias -> isKeyEntry(keyStore, alias))) {
                throw new ConfigException("TLS key store " + path + " holds no private key with its certificate" + setting);
            }
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keyStore, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), null, null);
            return context;
        } catch (UnrecoverableKeyException e) {
            throw new ConfigException("the private key in TLS key store " + path
                    + " does not open with the store's password (ENTITY_STORE_TLS_KEYSTORE_PASSWORD / --tls-keystore-password)");
        } catch (GeneralSecurityException e) {
            throw new ConfigException("cannot use TLS key store " + path + ": " + e.getMessage() + setting);
        }
    }

    private static boolean isKeyEntry(KeyStore keyStore, String alias) {
        try {
            return keyStore.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
