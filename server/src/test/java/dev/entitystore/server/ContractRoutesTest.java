package dev.entitystore.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entitystore.server.HttpClientForTests.Answer;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.TreeSet;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * No route outside the contract, no contract without a route: what Jersey serves equals what
 * {@code openapi/} declares, and an operation answers 501 only while the issue that builds it is open.
 */
class ContractRoutesTest {
    @RegisterExtension
    static RunningServer server = new RunningServer();

    /** Operations whose behaviour a later issue builds. Remove an entry when its issue lands. */
    static final Set<String> NOT_BUILT_YET = Set.of();

    @Test
    void jerseyServesExactlyTheOperationsTheContractDeclares() {
        Set<String> served = new TreeSet<>();
        ResourceConfig app = ApplicationFactory.create(server.config(), server.backend().store(), server.backend().history(),
                server.backend().search(), server.backend().profiles(), server.backend().exceptionLists(),
                server.backend().idempotency(), server.backend().health());
        for (Object instance : app.getInstances()) {
            for (Class<?> iface : instance.getClass().getInterfaces()) {
                Path root = iface.getAnnotation(Path.class);
                if (root == null) {
                    continue;
                }
                for (Method method : iface.getMethods()) {
                    String verb = httpMethodOf(method);
                    if (verb != null) {
                        Path path = method.getAnnotation(Path.class);
                        served.add(verb + " " + join(root.value(), path == null ? "" : path.value()));
                    }
                }
            }
        }
        Set<String> declared = new TreeSet<>();
        ContractOperations.ALL.forEach(op -> declared.add(op.method() + " " + op.template()));
        assertThat(served).isEqualTo(declared);
    }

    @Test
    void onlyOperationsNotBuiltYetAnswer501() {
        for (ContractOperations.Declared op : ContractOperations.ALL) {
            String path = op.template().replace("{entityType}", "host").replace("{entityId}", "host:probe")
                    .replace("{uid}", "u_probe_0").replace("{user}", "probe").replace("{jobId}", "job-probe").replace("{file}", "swagger-ui.css")
                    .replace("{id}", "probe");
            HttpClientForTests.Request request = server.client().request(op.method(), path);
            Answer answer = (op.takesBody() ? request.json("{}") : request).send();
            if (NOT_BUILT_YET.contains(op.operationId())) {
                assertThat(answer.status()).as(op.operationId()).isIn(400, 501);
            } else {
                assertThat(answer.status()).as(op.operationId() + " " + answer.body()).isNotEqualTo(501);
            }
        }
    }

    private static String httpMethodOf(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    private static String join(String root, String path) {
        String joined = ("/" + root + "/" + path).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
