package dev.entitystore.server.observe;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.uri.UriTemplate;

/** The route a request matched, as its template: never the raw path (its ids would make metrics unbounded). */
public final class RouteTemplates {
    private static final Pattern REPEATED_SLASHES = Pattern.compile("/{2,}");

    private RouteTemplates() {
    }

    /** The matched route's template, outermost part first; empty before matching or when nothing matched. */
    public static Optional<String> of(ContainerRequestContext request) {
        if (!(request.getUriInfo() instanceof ExtendedUriInfo uri) || uri.getMatchedTemplates().isEmpty()) {
            return Optional.empty();
        }
        List<UriTemplate> templates = new ArrayList<>(uri.getMatchedTemplates());
        Collections.reverse(templates);
        StringBuilder route = new StringBuilder();
        for (UriTemplate template : templates) {
            String part = template.getTemplate();
            if (!part.isEmpty() && !part.equals("/")) {
                route.append(part.startsWith("/") ? "" : "/").append(part);
            }
        }
        return Optional.of(route.isEmpty() ? "/" : REPEATED_SLASHES.matcher(route).replaceAll("/"));
    }
}
