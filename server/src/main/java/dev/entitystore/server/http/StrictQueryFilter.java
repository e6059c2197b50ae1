package dev.entitystore.server.http;

import dev.entitystore.server.error.ElasticsearchErrorException;
import dev.entitystore.server.error.HttpErrorException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kibana's query validation: keys a route does not declare are refused ({@code Unrecognized key}), except
 * on the routes Kibana validates loosely (create and bulk update drop them), and booleans are the strings
 * {@code true} or {@code false}, nothing else. JAX-RS alone would read {@code force=maybe} as false.
 * Runs after the version check; {@code apiVersion} is always allowed, as Kibana strips it first.
 * Elasticsearch's routes refuse unknown parameters in Elasticsearch's words, and parse their own values.
 */
@Priority(Priorities.AUTHORIZATION + 300)
public final class StrictQueryFilter implements ContainerRequestFilter {
    /** Kibana's non-strict routes: unknown query keys are silently dropped there. */
    private static final Set<String> LOOSE = Set.of("createEntity", "bulkUpdateEntities");

    @Context
    private ResourceInfo resourceInfo;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resourceInfo == null ? null : resourceInfo.getResourceMethod();
        if (method == null) {
            return;
        }
        Map<String, Class<?>> declared = DECLARED.computeIfAbsent(method, StrictQueryFilter::declaredQueryParameters);
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        if (ElasticsearchRoutes.isElasticsearch(request)) {
            refuseUnknownAsElasticsearch(request, query.keySet(), declared);
            return;
        }
        List<String> issues = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : query.entrySet()) {
            String key = entry.getKey();
            Class<?> type = declared.get(key);
            if (type == null) {
                if (!ApiVersionFilter.QUERY.equals(key) && !LOOSE.contains(method.getName())) {
                    issues.add("Unrecognized key: \"" + key + "\"");
                }
                continue;
            }
            if (type == Boolean.class || type == boolean.class) {
                for (String value : entry.getValue()) {
                    if (!"true".equals(value) && !"false".equals(value)) {
                        issues.add(key + ": Invalid option: expected one of \"true\"|\"false\"");
                        break;
                    }
                }
            }
        }
        if (!issues.isEmpty()) {
            throw HttpErrorException.badRequest("[request query]: " + String.join(", ", issues));
        }
    }

    /** Elasticsearch's {@code request [<path>] contains unrecognized parameter(s): [a], [b]}. */
    private static void refuseUnknownAsElasticsearch(ContainerRequestContext request, java.util.Set<String> keys,
                                                     Map<String, Class<?>> declared) {
        List<String> unknown = keys.stream().filter(key -> !declared.containsKey(key)).sorted().map(key -> "[" + key + "]").toList();
        if (!unknown.isEmpty()) {
            throw new ElasticsearchErrorException(400, "illegal_argument_exception", "request [/" + request.getUriInfo().getPath(false)
                    + "] contains unrecognized parameter" + (unknown.size() > 1 ? "s" : "") + ": " + String.join(", ", unknown));
        }
    }

    /** Per resource method: reading parameter annotations parses them anew each time (seen in request profiles). */
    private static final Map<Method, Map<String, Class<?>>> DECLARED = new java.util.concurrent.ConcurrentHashMap<>();

    private static Map<String, Class<?>> declaredQueryParameters(Method method) {
        Method annotated = JaxRsMethods.annotatedMethod(method);
        Map<String, Class<?>> declared = new java.util.HashMap<>();
        Annotation[][] annotations = annotated.getParameterAnnotations();
        Class<?>[] types = annotated.getParameterTypes();
        for (int i = 0; i < annotations.length; i++) {
            for (Annotation annotation : annotations[i]) {
                if (annotation instanceof QueryParam q) {
                    declared.put(q.value(), types[i]);
                }
            }
        }
        return Map.copyOf(declared);
    }
}
