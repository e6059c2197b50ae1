package dev.entitystore.server.error;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Elasticsearch's REST controller answers when no route takes a request, before any handler runs:
 * a path nobody serves is 400 {@code {"error":"no handler found for uri [<uri>] and method [<M>]"}}, a
 * served path with another method is 405 {@code {"error":"Incorrect HTTP method for uri [<uri>] and
 * method [<M>], allowed: [<methods>]","status":405}} with {@code Allow}. The uri is the request's, query
 * string included; the allowed methods in Elasticsearch's order (its {@code RestRequest.Method}).
 */
final class ElasticsearchRoutingErrors {
    /** The order of Elasticsearch's method enum, which its allowed list follows. */
    private static final List<String> METHOD_ORDER = List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT,
            HttpMethod.DELETE, HttpMethod.PATCH);

    private ElasticsearchRoutingErrors() {
    }

    static Response noHandler(URI requestUri, String method) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "no handler found for uri [" + uri(requestUri) + "] and method [" + method + "]");
        return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    static Response wrongMethod(URI requestUri, String method, NotAllowedException exception) {
        // Jersey adds HEAD and OPTIONS to every resource; Elasticsearch's routes here declare neither.
        Set<String> declared = exception.getResponse().getAllowedMethods();
        List<String> allowed = METHOD_ORDER.stream().filter(declared::contains).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "Incorrect HTTP method for uri [" + uri(requestUri) + "] and method [" + method + "], allowed: "
                + allowed);
        body.put("status", 405);
        return Response.status(405).type(MediaType.APPLICATION_JSON_TYPE).entity(body)
                .header(HttpHeaders.ALLOW, String.join(",", allowed)).build();
    }

    private static String uri(URI requestUri) {
        return requestUri.getRawPath() + (requestUri.getRawQuery() == null ? "" : "?" + requestUri.getRawQuery());
    }
}
