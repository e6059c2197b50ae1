package dev.entitystore.server.json;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import java.lang.annotation.ElementType;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps Bean Validation out of free-form records. The generated models put {@code @Valid} on every object
 * property, entity records ({@code ObjectNode}: a bulk item's {@code doc}, a v1 item's {@code record})
 * included; a {@code JsonNode} is {@code Iterable}, so the validator walked every member of every record
 * of a bulk, which was about half the CPU of the request threads (measured, issue 15). A record's rules
 * are the domain's ({@code RequestBodyValidator}); the models around it are still validated.
 */
public final class RecordTraversableResolver implements TraversableResolver {
    private final Map<Class<?>, Map<String, Boolean>> recordProperties = new ConcurrentHashMap<>();

    @Override
    public boolean isReachable(Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType,
                               Path pathToTraversableObject, ElementType elementType) {
        return true;
    }

    @Override
    public boolean isCascadable(Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType,
                                Path pathToTraversableObject, ElementType elementType) {
        if (traversableObject == null || traversableProperty.getName() == null) {
            return true;
        }
        if (traversableObject instanceof JsonNode) {
            return false;
        }
        return !recordProperties.computeIfAbsent(traversableObject.getClass(), type -> new ConcurrentHashMap<>())
                .computeIfAbsent(traversableProperty.getName(), name -> holdsJson(traversableObject.getClass(), name));
    }

    /** Whether the bean property {@code name} (read through its getter, as the models declare it) is JSON. */
    private static boolean holdsJson(Class<?> type, String name) {
        String getter = "get" + name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
        for (Method method : type.getMethods()) {
            if (method.getParameterCount() == 0 && method.getName().equals(getter)) {
                return JsonNode.class.isAssignableFrom(method.getReturnType());
            }
        }
        return false;
    }
}
