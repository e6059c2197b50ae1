package dev.entitystore.server.http;

import java.lang.reflect.Method;

/** Where the JAX-RS annotations of a resource method are: on the generated interface it implements. */
public final class JaxRsMethods {
    private JaxRsMethods() {}

    public static Method annotatedMethod(Method method) {
        for (Class<?> type = method.getDeclaringClass(); type != null; type = type.getSuperclass()) {
            for (Class<?> iface : type.getInterfaces()) {
                try {
                    return iface.getMethod(method.getName(), method.getParameterTypes());
                } catch (NoSuchMethodException ignored) {
                    // not declared by this interface
                }
            }
        }
        return method;
    }
}
