package dev.entitystore.server.docs;

import dev.entitystore.api.DocsApi;
import dev.entitystore.server.error.HttpErrorException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * {@code GET /api/entity_store/docs}: Swagger UI over this server's contract. The page is ours (it points
 * at {@code openapi.json} beside it); its scripts and styles come from the Swagger UI webjar on the class
 * path, only the few files the page names.
 */
public final class ApiDocsResource implements DocsApi {
    private static final Map<String, String> ASSETS = Map.of(
            "swagger-ui.css", "text/css",
            "swagger-ui-bundle.js", "application/javascript",
            "swagger-ui-standalone-preset.js", "application/javascript",
            "favicon-32x32.png", "image/png");

    private final String webjar;
    private final byte[] page = read("/dev/entitystore/server/docs/index.html");

    /** @param swaggerUiVersion the webjar's version, the name of its folder */
    public ApiDocsResource(String swaggerUiVersion) {
        this.webjar = "/META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion + "/";
    }

    @Override
    public Response getApiDocs() {
        return Response.ok(page, "text/html; charset=utf-8").build();
    }

    @Override
    public Response getApiDocsAsset(String file) {
        String type = ASSETS.get(file);
        if (type == null) {
            throw new HttpErrorException(404, "Not Found");
        }
        return Response.ok(read(webjar + file), type).header("Cache-Control", "max-age=86400").build();
    }

    private static byte[] read(String resource) {
        try (InputStream in = ApiDocsResource.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
