package dev.entitystore.server.idempotency;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;

/**
 * Puts {@link IdempotencyFilter} on exactly the routes whose contract declares the {@code Idempotency-Key}
 * header (the generated interface method has the parameter), so that declaring it in {@code openapi/} is
 * what makes a route idempotent.
 */
public final class IdempotentRoutes implements DynamicFeature {
    private final IdempotencyFilter filter;

    public IdempotentRoutes(IdempotencyFilter filter) {
        this.filter = filter;
    }

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Method method = resource.getResourceMethod();
        if (method != null && declaresKey(resource.getResourceClass(), method)) {
            context.register(filter);
        }
    }

    private static boolean declaresKey(Class<?> resourceClass, Method method) {
        for (Class<?> contract : resourceClass.getInterfaces()) {
            try {
                Method declared = contract.getMethod(method.getName(), method.getParameterTypes());
                for (Annotation[] annotations : declared.getParameterAnnotations()) {
                    for (Annotation annotation : annotations) {
                        if (annotation instanceof HeaderParam header && IdempotencyFilter.HEADER.equals(header.value())) {
                            return true;
                        }
                    }
                }
            } catch (NoSuchMethodException notThisInterface) {
                // the method comes from another of the class's interfaces
            }
        }
        return false;
    }
}
