package dev.entitystore.server.error;

import dev.entitystore.server.http.JaxRsMethods;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Bean-validation failures of the generated interfaces, in Kibana's form: {@code [request body]: a.b: msg}
 * (or {@code [request query]}, {@code [request params]}), at most five issues then {@code and N more}.
 * Where a parameter comes from is read off its JAX-RS annotation on the resource method.
 */
public final class ConstraintViolationExceptionMapper implements ExceptionMapper<ConstraintViolationException> {
    private static final int MAX_ISSUES = 5;

    @Context
    private ResourceInfo resourceInfo;

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        Map<String, List<String>> byLocation = new TreeMap<>(Comparator.comparingInt(ConstraintViolationExceptionMapper::rank));
        List<ConstraintViolation<?>> violations = new ArrayList<>(exception.getConstraintViolations());
        violations.sort(Comparator.comparing(v -> v.getPropertyPath().toString()));
        for (ConstraintViolation<?> violation : violations) {
            Located located = locate(violation.getPropertyPath());
            String issue = located.path.isEmpty() ? violation.getMessage() : located.path + ": " + violation.getMessage();
            byLocation.computeIfAbsent(located.location, k -> new ArrayList<>()).add(issue);
        }
        if (byLocation.isEmpty()) {
            return ErrorBody.of(400, "[request body]: Invalid input").toResponse();
        }
        // Kibana validates params, then query, then body, and answers the first failing part.
        Map.Entry<String, List<String>> first = byLocation.entrySet().iterator().next();
        return ErrorBody.of(400, "[" + first.getKey() + "]: " + join(first.getValue())).toResponse();
    }

    private static int rank(String location) {
        return switch (location) {
            case "request params" -> 0;
            case "request query" -> 1;
            case "request headers" -> 2;
            default -> 3;
        };
    }

    static String join(List<String> issues) {
        if (issues.size() <= MAX_ISSUES) {
            return String.join(", ", issues);
        }
        return issues.subList(0, MAX_ISSUES).stream().collect(Collectors.joining(", "))
                + " and " + (issues.size() - MAX_ISSUES) + " more";
    }

    private record Located(String location, String path) {}

    /** The property path reads {@code method.parameter.field.field}: the parameter says where, the rest says what. */
    private Located locate(Path propertyPath) {
        String location = "request body";
        String parameterName = null;
        List<String> inner = new ArrayList<>();
        for (Path.Node node : propertyPath) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                int index = node.as(Path.ParameterNode.class).getParameterIndex();
                location = locationOf(index);
                parameterName = wireName(index, node.getName());
                continue;
            }
            if (node.getName() != null) {
                inner.add(node.getName());
            }
            if (node.getIndex() != null) {
                inner.add(String.valueOf(node.getIndex()));
            }
        }
        if (!"request body".equals(location) && parameterName != null) {
            inner.add(0, parameterName);
        }
        return new Located(location, String.join(".", inner));
    }

    private String locationOf(int parameterIndex) {
        Annotation[] annotations = parameterAnnotations(parameterIndex);
        for (Annotation annotation : annotations) {
            if (annotation instanceof PathParam) {
                return "request params";
            }
            if (annotation instanceof QueryParam) {
                return "request query";
            }
            if (annotation instanceof HeaderParam || annotation instanceof CookieParam) {
                return "request headers";
            }
        }
        return "request body";
    }

    /** The name the client used (e.g. {@code per_page}), not the Java parameter name. */
    private String wireName(int parameterIndex, String javaName) {
        for (Annotation annotation : parameterAnnotations(parameterIndex)) {
            if (annotation instanceof PathParam p) {
                return p.value();
            }
            if (annotation instanceof QueryParam q) {
                return q.value();
            }
            if (annotation instanceof HeaderParam h) {
                return h.value();
            }
        }
        return javaName;
    }

    private Annotation[] parameterAnnotations(int parameterIndex) {
        Method method = resourceInfo == null ? null : resourceInfo.getResourceMethod();
        if (method == null) {
            return new Annotation[0];
        }
        Method annotated = JaxRsMethods.annotatedMethod(method);
        Annotation[][] all = annotated.getParameterAnnotations();
        return parameterIndex < all.length ? all[parameterIndex] : new Annotation[0];
    }

}
