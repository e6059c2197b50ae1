package dev.entitystore.server.error;

import dev.entitystore.server.http.JaxRsMethods;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.glassfish.jersey.server.ParamException;

/**
 * A path or query value JAX-RS could not convert (an unknown entity type, {@code page=abc}). JAX-RS
 * answers 404 for these; Kibana answers 400 in its schema form, listing the options of an enum.
 */
public final class ParamExceptionMapper implements ExceptionMapper<ParamException> {
    @Context
    private ResourceInfo resourceInfo;

    @Override
    public Response toResponse(ParamException exception) {
        String location = exception instanceof ParamException.PathParamException ? "request params"
                : exception instanceof ParamException.QueryParamException ? "request query"
                : exception instanceof ParamException.HeaderParamException ? "request headers"
                : "request";
        String name = exception.getParameterName();
        return ErrorBody.of(400, "[" + location + "]: " + name + ": " + problem(name)).toResponse();
    }

    private String problem(String name) {
        Class<?> type = parameterType(name);
        if (type != null && type.isEnum()) {
            return "Invalid option: expected one of " + Arrays.stream(type.getEnumConstants())
                    .map(constant -> "\"" + constant + "\"").collect(Collectors.joining("|"));
        }
        if (type != null && Number.class.isAssignableFrom(type)) {
            return "Invalid input: expected number, received NaN";
        }
        return "Invalid input";
    }

    private Class<?> parameterType(String name) {
        Method method = resourceInfo == null ? null : resourceInfo.getResourceMethod();
        if (method == null) {
            return null;
        }
        Method annotated = JaxRsMethods.annotatedMethod(method);
        Annotation[][] annotations = annotated.getParameterAnnotations();
        for (int i = 0; i < annotations.length; i++) {
            for (Annotation annotation : annotations[i]) {
                if ((annotation instanceof PathParam p && p.value().equals(name))
                        || (annotation instanceof QueryParam q && q.value().equals(name))) {
                    return annotated.getParameterTypes()[i];
                }
            }
        }
        return null;
    }
}
