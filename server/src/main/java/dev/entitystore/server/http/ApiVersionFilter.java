package dev.entitystore.server.http;

import dev.entitystore.server.error.HttpErrorException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.uri.UriTemplate;

/**
 * Kibana's versioned-route dispatch for the public Entity Store routes: the version comes from the
 * {@code elastic-api-version} header or the {@code apiVersion} query parameter; absent means the only
 * version, {@code 2023-10-31}; anything else is a 400 with Kibana's wording. Answers carry the resolved
 * version, as Kibana's do. Runs after the XSRF check, as in Kibana.
 */
@Priority(Priorities.AUTHORIZATION + 200)
public final class ApiVersionFilter implements ContainerRequestFilter, ContainerResponseFilter {
    public static final String HEADER = "elastic-api-version";
    public static final String QUERY = "apiVersion";
    public static final String VERSION = "2023-10-31";
    private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");
    private static final String RESOLVED = "entitystore.apiVersion";

    @Override
    public void filter(ContainerRequestContext request) {
        if (!isVersioned(request)) {
            return;
        }
        String version = request.getHeaderString(HEADER);
        if (version == null) {
            version = request.getUriInfo().getQueryParameters().getFirst(QUERY);
        }
        if (version == null) {
            version = VERSION;
        }
        if (VERSION.equals(version)) { // nearly every request: spare the pattern and the date parse
            request.setProperty(RESOLVED, version);
            return;
        }
        if (!isValidDate(version)) {
            throw HttpErrorException.badRequest("Invalid version. Received \"" + version
                    + "\", expected a valid date string formatted as YYYY-MM-DD.");
        }
        throw HttpErrorException.badRequest("No version \"" + version + "\" available for ["
                + request.getMethod().toLowerCase(Locale.ROOT) + "] [" + routeTemplate(request)
                + "]. Available versions are: [" + VERSION + "]");
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object resolved = request.getProperty(RESOLVED);
        if (resolved != null) {
            response.getHeaders().putSingle(HEADER, resolved);
        }
    }

    /** Only the Entity Store APIs are versioned routes; {@code /api/status} is not, in Kibana either. */
    private static boolean isVersioned(ContainerRequestContext request) {
        String path = "/" + request.getUriInfo().getPath();
        return path.startsWith("/api/security/entity_store") || path.startsWith("/api/entity_store");
    }

    private static boolean isValidDate(String version) {
        if (!DATE.matcher(version).matches()) {
            return false;
        }
        try {
            LocalDate.parse(version);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The matched route as declared (e.g. {@code /api/security/entity_store/entities/{entityType}}). */
    private static String routeTemplate(ContainerRequestContext request) {
        if (request.getUriInfo() instanceof ExtendedUriInfo extended && !extended.getMatchedTemplates().isEmpty()) {
            List<UriTemplate> templates = new ArrayList<>(extended.getMatchedTemplates());
            Collections.reverse(templates);
            StringBuilder path = new StringBuilder();
            for (UriTemplate template : templates) {
                String part = template.getTemplate();
                if (part.isEmpty() || "/".equals(part)) {
                    continue;
                }
                if (!part.startsWith("/")) {
                    path.append('/');
                }
                path.append(part.replaceFirst("/$", ""));
            }
            return path.toString();
        }
        return "/" + request.getUriInfo().getPath();
    }
}
