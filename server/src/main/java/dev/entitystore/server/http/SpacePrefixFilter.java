package dev.entitystore.server.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kibana's spaces prefix: {@code /s/<spaceId>/api/...} is served by {@code /api/...} in namespace
 * {@code <spaceId>}; no prefix means {@code default}. Ids outside {@code [a-z0-9_-]} do not match, so
 * such paths reach no route and answer 404, as in Kibana. Elasticsearch's routes have no spaces: under
 * a prefix they are not rewritten, so they too reach no route.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class SpacePrefixFilter implements ContainerRequestFilter {
    private static final Pattern PREFIX = Pattern.compile("^/s/([a-z0-9_\\-]+)(/.*)?$");

    @Override
    public void filter(ContainerRequestContext request) {
        String path = "/" + request.getUriInfo().getPath(false);
        Matcher matcher = PREFIX.matcher(path.replaceFirst("^//+", "/"));
        if (!matcher.matches() || (matcher.group(2) != null && ElasticsearchRoutes.isElasticsearchPath(matcher.group(2)))) {
            request.setProperty(RequestSpace.PROPERTY, RequestSpace.DEFAULT);
            return;
        }
        request.setProperty(RequestSpace.PROPERTY, matcher.group(1));
        String rest = matcher.group(2) == null ? "/" : matcher.group(2);
        URI base = request.getUriInfo().getBaseUri();
        URI original = request.getUriInfo().getRequestUri();
        URI rewritten = UriBuilder.fromUri(base)
                .replacePath(base.getRawPath().replaceFirst("/$", "") + rest)
                .replaceQuery(original.getRawQuery())
                .build();
        request.setRequestUri(base, rewritten);
    }
}
