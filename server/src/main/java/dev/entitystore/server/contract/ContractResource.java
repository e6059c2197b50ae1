package dev.entitystore.server.contract;

import dev.entitystore.api.ContractApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import jakarta.ws.rs.core.Response;

/**
 * Serves this server's contract: the OpenAPI document bundled at build time from {@code openapi/}
 * (every {@code $ref} resolved), as YAML and as JSON, so clients can be generated from a running server.
 */
public final class ContractResource implements ContractApi {
    private static final String BUNDLE = "/dev/entitystore/api/openapi.";
    private final byte[] yaml = read("yaml");
    private final byte[] json = read("json");

    @Override
    public Response getOpenApiYaml() {
        return Response.ok(yaml, "application/yaml").build();
    }

    @Override
    public Response getOpenApiJson() {
        return Response.ok(json, "application/json").build();
    }

    private static byte[] read(String extension) {
        try (InputStream in = ContractApi.class.getResourceAsStream(BUNDLE + extension)) {
            if (in == null) {
                throw new IllegalStateException("the bundled contract " + BUNDLE + extension + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
