package dev.entitystore.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** What this build is, from a resource Maven fills in at build time. */
public final class BuildInfo {
    private BuildInfo() {}

    public static String version() {
        return property("version");
    }

    /** The Swagger UI files' version, which names their folder inside the webjar. */
    public static String swaggerUiVersion() {
        return property("swaggerUiVersion");
    }

    private static String property(String name) {
        try (InputStream in = BuildInfo.class.getResourceAsStream("/entity-store.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty(name, "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
