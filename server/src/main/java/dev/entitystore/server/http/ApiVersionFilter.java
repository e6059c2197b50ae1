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
 *
 * <p>The Entity Store's internal routes ({@code /internal/security/entity_store/...}) have the one internal
 * version {@code 2}, a whole number, with Kibana's texts for another; absent is taken as {@code 2} (Kibana's
 * newest answers 400 there, its older production builds took the default: docs/decisions.md).
 */
@Priority(Priorities.AUTHORIZATION + 200)
public final class ApiVersionFilter implements ContainerRequestFilter, ContainerResponseFilter {
    public static final String HEADER = "elastic-api-version";
    public static final String QUERY = "apiVersion";
    public static final String VERSION = "2023-10-31";
    public static final String INTERNAL_VERSION = "2";
    private static final String INTERNAL_PREFIX = "/internal/security/entity_store";
    private static final Pattern WHOLE_NUMBER = Pattern.compile("^0*[1-9]\\d*$");
    private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");
    private static final String RESOLVED = "entitystore.apiVersion";

    @Override
    public void filter(ContainerRequestContext request) {
        String path = "/" + request.getUriInfo().getPath();
        boolean internal = path.startsWith(INTERNAL_PREFIX);
        if (!internal && !isVersioned(path)) {
            return;
        }
        String version = request.getHeaderString(HEADER);
        if (version == null) {
            version = request.getUriInfo().getQueryParameters().getFirst(QUERY);
        }
        if (internal) {
            checkInternal(request, version == null ? INTERNAL_VERSION : version);
            return;
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

    private static void checkInternal(ContainerRequestContext request, String version) {
        if (INTERNAL_VERSION.equals(version)) {
            request.setProperty(RESOLVED, version);
            return;
        }
        if (!WHOLE_NUMBER.matcher(version).matches()) {
            throw HttpErrorException.badRequest("Invalid version number. Received \"" + version
                    + "\", expected a string containing _only_ a finite, whole number greater than 0.");
        }
        throw HttpErrorException.badRequest("No version \"" + version + "\" available for ["
                + request.getMethod().toLowerCase(Locale.ROOT) + "] [" + routeTemplate(request)
                + "]. Available versions are: [" + INTERNAL_VERSION + "]");
    }

    /** Only the Entity Store APIs are versioned routes; {@code /api/status} is not, in Kibana either. */
    private static boolean isVersioned(String path) {
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
